package org.anneal.nodes.model;

import java.util.List;
import org.anneal.spec.Task;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Lineage;
import org.anneal.spec.LossSpec;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.Spec;
import org.anneal.spec.ValueSpec;

/** Short hands for the specs learner, loss and optimizer nodes emit, and the loss check Fit and the SGD learners share. */
public final class LearnerSpecs {
    private LearnerSpecs() {
    }

    public static LearnerSpec learner(Task task, boolean numericFeaturesOnly) {
        return LearnerSpec.of(task, numericFeaturesOnly, List.of());
    }

    /** @param hyperparameters what a tune node may vary */
    public static LearnerSpec learner(Task task, boolean numericFeaturesOnly, List<String> hyperparameters) {
        return LearnerSpec.of(task, numericFeaturesOnly, hyperparameters);
    }

    public static ModelSpec model(Task task, Lineage trainedOn, String target, List<String> features) {
        return model(task, trainedOn, target, features, false);
    }

    /** @param gradientTrained whether the model remembers a training-loss curve */
    public static ModelSpec model(Task task, Lineage trainedOn, String target, List<String> features, boolean gradientTrained) {
        return ModelSpec.trainedOn(task, trainedOn, target, features, gradientTrained);
    }

    /** A learner that takes a LOSS and an OPTIMIZER at {@code train.fit}. */
    public static LearnerSpec gradientLearner(Task task, List<String> hyperparameters) {
        return LearnerSpec.gradient(task, hyperparameters);
    }

    /** The spec on a LOSS wire: which task the loss is for. */
    public static LossSpec loss(Task task) {
        return new LossSpec(task);
    }

    /** Refuses a loss made for the other task, naming the port it arrives on. */
    public static void requireLossFor(Task task, Spec lossSpec, String port) throws ConfigError {
        LossSpec loss = (LossSpec) lossSpec;
        if (loss != null && loss.task() != (task == Task.SEGMENTATION ? Task.CLASSIFICATION : task)) { // per-pixel classes
            throw ConfigError.atPort(port, "The loss is for " + loss.task().key() + ", but the learner does " + task.key() + ".",
                    task == Task.REGRESSION ? "Use loss.squared, loss.absolute or loss.huber for regression."
                            : "Use loss.log or loss.hinge for classification.");
        }
    }

    public static ValueSpec optimizer() {
        return ValueSpec.of(DataKind.OPTIMIZER);
    }
}
