package org.anneal.nodes.model;

import org.anneal.ml.GradientLearner;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.loss.Loss;
import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.math.la.DenseVector;

/**
 * A linear model (regression: one weight per feature plus an intercept; classification: one such score per class)
 * trained by stochastic gradient descent on {@code loss} with {@code optimizer}, following Tribuo's linear SGD
 * trainers; records the training loss after every epoch.
 */
public record GradientLinearLearner(Task task, int epochs, int minibatch, boolean shuffle, Loss loss, Optimizer optimizer)
        implements GradientLearner {

    /** Documented defaults when nothing is wired: squared or log loss, plain SGD at rate 0.01. */
    public static GradientLinearLearner withDefaults(Task task, int epochs, int minibatch, boolean shuffle) {
        return new GradientLinearLearner(task, epochs, minibatch, shuffle, task == Task.REGRESSION ? Loss.squared() : Loss.log(),
                Optimizer.sgd(0.01));
    }

    public GradientLinearLearner {
        if (loss.task() != task) {
            throw new IllegalArgumentException(loss.describe() + " is a " + loss.task().key() + " loss, not for " + task.key());
        }
    }

    @Override
    public GradientLearner with(Loss newLoss, Optimizer newOptimizer) {
        return new GradientLinearLearner(task, epochs, minibatch, shuffle, newLoss == null ? loss : newLoss,
                newOptimizer == null ? optimizer : newOptimizer);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of("epochs", (double) epochs, "learningRate", optimizer.learningRate());
    }

    @Override
    public Learner with(String hyperparameter, double value) {
        return switch (hyperparameter) {
            case "epochs" -> new GradientLinearLearner(task, (int) Math.round(value), minibatch, shuffle, loss, optimizer);
            case "learningRate" -> new GradientLinearLearner(task, epochs, minibatch, shuffle, loss,
                    new Optimizer(optimizer.kind(), value, optimizer.momentum(), optimizer.rho(), optimizer.beta1(), optimizer.beta2(),
                            optimizer.epsilon()));
            default -> GradientLearner.super.with(hyperparameter, value);
        };
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Linear %s by gradient descent (%s, %s, %d epochs, minibatch %d)",
                task == Task.REGRESSION ? "regression" : "classifier", loss.describe(), optimizer.describe(), epochs, minibatch);
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        int n = train.rowCount();
        if (n == 0) {
            throw new NodeFailure("There are no training rows.", "Check the split and any filters upstream.");
        }
        double[][] rows = TrainingRows.matrix(train, features);
        Column y = TrainingRows.completeTarget(train, target);
        if (task == Task.REGRESSION) {
            double[] v = train.numeric(target).values();
            DenseVector[] targets = new DenseVector[n];
            for (int i = 0; i < n; i++) {
                targets[i] = DenseVector.createDenseVector(new double[] {v[i]});
            }
            var r = GradientDescent.run(rows, targets, 1, TribuoSgd.regressionObjective(loss), 1, TribuoSgd.optimiser(optimizer), epochs, minibatch, shuffle,
                    ctx.seed(), ctx);
            double[] w = java.util.Arrays.copyOf(r.weights()[0], features.size());
            return new GradientRegressionModel(new LinearModel(describe(), target, features, w, r.weights()[0][features.size()]),
                    loss.describe(), r.lossPerEpoch());
        }
        CategoricalColumn classes = (CategoricalColumn) y;
        int[] codes = classes.codes();
        Integer[] targets = new Integer[n];
        for (int i = 0; i < n; i++) {
            targets[i] = codes[i];
        }
        var r = GradientDescent.run(rows, targets, classes.levels().size(), TribuoSgd.labelObjective(loss), -1, TribuoSgd.optimiser(optimizer), epochs, minibatch,
                shuffle, ctx.seed(), ctx);
        return new GradientClassifierModel(describe(), target, features, classes.levels(), r.weights(), loss.probabilistic(),
                loss.describe(), r.lossPerEpoch());
    }
}
