package org.anneal.nn;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.dl4j.Dl4jTrainer;
import org.anneal.nn.dl4j.NetworkProbe;
import org.anneal.ml.loss.Loss;
import org.anneal.ml.GradientLearner;
import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.ExecContext;

/**
 * A network with an output head and training settings: the value {@code model.network} puts on a LEARNER wire. Plain
 * records only; DL4J is reached through {@link Dl4jTrainer} when {@link #fit} runs, so configuring, caching and
 * passing a learner around never loads native code.
 *
 * @param loss      what to minimise (null: squared error for regression, cross-entropy for classification)
 * @param optimizer how to step (null: Adam at 0.001)
 * @param validationRows rows wired to model.network's {@code validation} input that watch early stopping instead of a
 *                  held-out share of the training rows; null for none
 */
public record NetworkLearner(Network network, Task task, Settings settings, Loss loss, Optimizer optimizer, Table validationRows)
        implements GradientLearner, org.anneal.ml.NativeWork {

    public NetworkLearner(Network network, Task task, Settings settings, Loss loss, Optimizer optimizer) {
        this(network, task, settings, loss, optimizer, null);
    }

    /**
     * How to train.
     *
     * @param epochs             passes over the training rows
     * @param batchSize          rows per gradient step
     * @param weightDecay        decoupled weight decay on the weights (not the biases), per step and scaled by the rate
     * @param patience           epochs without a better validation loss before stopping; 0 = train all epochs
     * @param validationFraction share of the training rows held out to watch for early stopping (only with patience)
     * @param mcDropout          forward passes with dropout left on that each prediction averages (MC-dropout, giving a
     *                           standard deviation too); 0 = predict once with dropout off
     */
    public record Settings(int epochs, int batchSize, double weightDecay, int patience, double validationFraction, int mcDropout) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || weightDecay < 0 || patience < 0 || validationFraction < 0 || validationFraction >= 1
                    || mcDropout < 0) {
                throw new IllegalArgumentException("bad training settings: " + this);
            }
        }

        /** Settings that predict once, with dropout off. */
        public Settings(int epochs, int batchSize, double weightDecay, int patience, double validationFraction) {
            this(epochs, batchSize, weightDecay, patience, validationFraction, 0);
        }
    }

    public NetworkLearner {
        if (loss != null && loss.task() != (task == Task.SEGMENTATION ? Task.CLASSIFICATION : task)) {
            throw new IllegalArgumentException(loss.describe() + " is a " + loss.task().key() + " loss, not for " + task.key());
        }
    }

    @Override
    public Loss loss() {
        return loss != null ? loss : task == Task.REGRESSION ? Loss.squared() : Loss.log(); // per pixel for segmentation
    }

    @Override
    public Optimizer optimizer() {
        return optimizer != null ? optimizer : new Optimizer(Optimizer.Kind.ADAM, 0.001, "none", 0, 0.9, 0.999, 1e-8);
    }

    @Override
    public GradientLearner with(Loss newLoss, Optimizer newOptimizer) {
        return new NetworkLearner(network, task, settings, newLoss == null ? loss : newLoss, newOptimizer == null ? optimizer : newOptimizer,
                validationRows);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of("epochs", (double) settings.epochs(), "batchSize", (double) settings.batchSize(),
                "weightDecay", settings.weightDecay(), "learningRate", optimizer().learningRate());
    }

    @Override
    public Learner with(String hyperparameter, double value) {
        Settings s = settings;
        return switch (hyperparameter) {
            case "epochs" -> withSettings(new Settings((int) Math.round(value), s.batchSize(), s.weightDecay(), s.patience(), s.validationFraction(),
                    s.mcDropout()));
            case "batchSize" -> withSettings(new Settings(s.epochs(), (int) Math.round(value), s.weightDecay(), s.patience(), s.validationFraction(),
                    s.mcDropout()));
            case "weightDecay" -> withSettings(new Settings(s.epochs(), s.batchSize(), value, s.patience(), s.validationFraction(), s.mcDropout()));
            case "learningRate" -> {
                Optimizer o = optimizer();
                yield new NetworkLearner(network, task, settings, loss,
                        new Optimizer(o.kind(), value, o.momentum(), o.rho(), o.beta1(), o.beta2(), o.epsilon()), validationRows);
            }
            default -> GradientLearner.super.with(hyperparameter, value);
        };
    }

    private NetworkLearner withSettings(Settings s) {
        return new NetworkLearner(network, task, s, loss, optimizer, validationRows);
    }

    @Override
    public String describe() {
        StringBuilder layers = new StringBuilder();
        for (LayerDef l : network.layers()) {
            layers.append(layers.length() == 0 ? "" : " → ").append(l.describe());
        }
        return String.format(Locale.ROOT, "Neural network %s (%s; %s, %s, %d epochs, batch %d%s%s)",
                task == Task.REGRESSION ? "regression" : task == Task.SEGMENTATION ? "per-pixel classifier" : "classifier", layers.length() == 0 ? "no hidden layers" : layers,
                loss().describe(), optimizer().describe(), settings.epochs(), settings.batchSize(),
                settings.patience() > 0 ? ", early stopping after " + settings.patience()
                        + (validationRows != null ? " on " + validationRows.rowCount() + " validation rows" : "") : "",
                settings.mcDropout() > 0 ? ", MC-dropout over " + settings.mcDropout() + " passes" : "");
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        TrainedModel model = Dl4jTrainer.train(this, train, target, ctx);
        // the passes draw their dropout masks from the node's seed, so a prediction is the same in every run
        return settings.mcDropout() > 0 ? NetworkProbe.withMcDropout(model, settings.mcDropout(), ctx.seed()) : model;
    }
}
