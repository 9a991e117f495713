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

    /**
     * Where a physics penalty's loss (loss.physics-penalty) meets a network (model.network, or Fit with a network learner):
     * a penalty on an input must name one of the network's numeric input columns, and the network must be one chain
     * ({@code network} null: not a network at all).
     */
    public static void requireProbedFeature(org.anneal.spec.NetworkSpec network, Spec lossSpec, String port) throws ConfigError {
        if (!(lossSpec instanceof LossSpec loss) || loss.probedFeature() == null) {
            return;
        }
        String f = loss.probedFeature();
        if (network == null) {
            throw ConfigError.atPort(port, "The physics penalty on '" + f + "' applies to neural networks only.",
                    "Wire it to a model.network, or wire a plain loss here.");
        }
        boolean tabular = network.inputShape().size() == 1 && network.inputShape().get(0) == network.inputColumns().size();
        if (!tabular || !network.inputColumns().contains(f)) {
            String closest = org.anneal.spec.Names.closest(f, network.inputColumns());
            throw ConfigError.atPort(port, "The physics penalty speaks of the input '" + f + "', but the network reads "
                    + (tabular ? "the columns " + network.inputColumns() : "a tensor column " + network.inputColumns()) + ".",
                    tabular ? (closest != null ? "Did you mean '" + closest + "'? " : "") + "Set the penalty's 'feature' to one of them."
                            : "A law in one input needs a network on numeric columns (nn.input with feature columns).");
        }
        boolean graph = network.layers().stream().anyMatch(l -> l.kind().equals("concat") || l.kind().equals("add"))
                || network.target() != null && network.target().isTensor();
        if (graph) {
            throw ConfigError.atPort(port, "A penalty on an input needs probe rows beside each minibatch, which only chain networks get; "
                    + "this one merges branches or classifies pixels.", "Remove nn.merge, or use a non-negative, bounds or sum-to-one penalty.");
        }
    }
}
