package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Multinomial logistic regression (cross-entropy loss) trained by Tribuo's linear SGD with AdaGrad. */
public record LogisticLearner(int epochs, double learningRate) implements Learner {

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Logistic regression (Tribuo SGD, %d epochs, AdaGrad %s)", epochs, learningRate);
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        for (String c : features) {
            if (train.numeric(c).missingCount() > 0) {
                throw new NodeFailure("Column '" + c + "' has missing values in the training rows.", "Remove or fill missing values before training.");
            }
        }
        CategoricalColumn y = (CategoricalColumn) train.column(target).orElseThrow();
        if (y.missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has missing values in the training rows.", "Drop rows without a class first.");
        }
        ctx.checkCancelled();
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, Integer.MAX_VALUE, 1, ctx.seed());
        var model = trainer.train(TribuoTables.classification(train, features, target));
        return new TribuoClassifierModel(describe(), target, features, y.levels(), model);
    }
}
