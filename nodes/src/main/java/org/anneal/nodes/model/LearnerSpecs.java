package org.anneal.nodes.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anneal.ml.Task;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.Lineage;
import org.anneal.spec.ValueSpec;

/** The facts learners and models carry on their specs, read by Fit and Evaluate nodes at configure time. */
public final class LearnerSpecs {
    public static final String TASK = "task";
    public static final String NUMERIC_ONLY = "numericFeaturesOnly";
    public static final String TARGET = "target";
    public static final String FEATURES = "features";
    private static final String SEP = "\u001f";

    private LearnerSpecs() {
    }

    public static final String HYPERPARAMETERS = "hyperparameters";

    public static ValueSpec learner(Task task, boolean numericFeaturesOnly) {
        return learner(task, numericFeaturesOnly, List.of());
    }

    /** @param hyperparameters what a tune node may vary */
    public static ValueSpec learner(Task task, boolean numericFeaturesOnly, List<String> hyperparameters) {
        return ValueSpec.of(DataKind.LEARNER, Lineage.UNSPLIT, Map.of(TASK, task.key(), NUMERIC_ONLY, Boolean.toString(numericFeaturesOnly),
                HYPERPARAMETERS, String.join(SEP, hyperparameters)));
    }

    public static List<String> hyperparameters(ValueSpec learner) {
        String h = learner.fact(HYPERPARAMETERS);
        return h == null || h.isEmpty() ? List.of() : Arrays.asList(h.split(SEP));
    }

    public static ValueSpec model(Task task, Lineage trainedOn, String target, List<String> features) {
        return model(task, trainedOn, target, features, false);
    }

    /** @param gradientTrained whether the model remembers a training-loss curve ({@link #isGradientTrained}) */
    public static ValueSpec model(Task task, Lineage trainedOn, String target, List<String> features, boolean gradientTrained) {
        return ValueSpec.of(DataKind.MODEL, Lineage.learntFrom(trainedOn), Map.of(TASK, task.key(), TARGET, target,
                FEATURES, String.join(SEP, features), GRADIENT, Boolean.toString(gradientTrained)));
    }

    /** Marks learners trained by gradient steps on a LOSS with an OPTIMIZER, and the models they make. */
    public static final String GRADIENT = "gradientTrained";

    /** A learner that takes a LOSS and an OPTIMIZER at {@code train.fit}. */
    public static ValueSpec gradientLearner(Task task, List<String> hyperparameters) {
        ValueSpec plain = learner(task, true, hyperparameters);
        Map<String, String> facts = new java.util.HashMap<>(plain.facts());
        facts.put(GRADIENT, "true");
        return ValueSpec.of(DataKind.LEARNER, Lineage.UNSPLIT, facts);
    }

    public static boolean isGradientTrained(ValueSpec learnerOrModel) {
        return Boolean.parseBoolean(learnerOrModel.fact(GRADIENT));
    }

    /** The spec on a LOSS wire: which task the loss is for. */
    public static ValueSpec loss(Task task) {
        return ValueSpec.of(DataKind.LOSS, Lineage.UNSPLIT, Map.of(TASK, task.key()));
    }

    /** Refuses a loss made for the other task, naming the port it arrives on. */
    public static void requireLossFor(Task task, ValueSpec loss, String port) throws ConfigError {
        if (loss != null && task(loss) != task) {
            throw ConfigError.atPort(port, "The loss is for " + task(loss).key() + ", but the learner does " + task.key() + ".",
                    task == Task.REGRESSION ? "Use loss.squared, loss.absolute or loss.huber for regression."
                            : "Use loss.log or loss.hinge for classification.");
        }
    }

    public static ValueSpec optimizer() {
        return ValueSpec.of(DataKind.OPTIMIZER);
    }

    public static Task task(ValueSpec s) {
        return Task.valueOf(s.fact(TASK).toUpperCase(java.util.Locale.ROOT));
    }

    public static List<String> features(ValueSpec model) {
        String f = model.fact(FEATURES);
        return f == null || f.isEmpty() ? List.of() : Arrays.asList(f.split(SEP));
    }
}
