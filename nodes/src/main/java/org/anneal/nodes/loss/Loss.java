package org.anneal.nodes.loss;

import java.util.Locale;
import org.anneal.ml.Task;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.regression.sgd.RegressionObjective;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * A loss function: the value on a LOSS wire, telling a gradient-trained learner what to minimise. Immutable
 * settings only; each fit asks for a fresh Tribuo objective.
 *
 * @param kind      which loss
 * @param parameter Huber's delta or the hinge margin; ignored by the others
 */
public record Loss(Kind kind, double parameter) {

    public enum Kind {
        SQUARED(Task.REGRESSION, "squared error"),
        ABSOLUTE(Task.REGRESSION, "absolute error"),
        HUBER(Task.REGRESSION, "Huber loss"),
        LOG(Task.CLASSIFICATION, "log loss (cross-entropy)"),
        HINGE(Task.CLASSIFICATION, "hinge loss");

        private final Task task;
        private final String title;

        Kind(Task task, String title) {
            this.task = task;
            this.title = title;
        }

        public Task task() {
            return task;
        }
    }

    public static Loss squared() {
        return new Loss(Kind.SQUARED, 0);
    }

    public static Loss log() {
        return new Loss(Kind.LOG, 0);
    }

    public Task task() {
        return kind.task;
    }

    /** Whether the model's scores can be read as class probabilities (softmax of a log-loss model). */
    public boolean probabilistic() {
        return kind == Kind.LOG;
    }

    public String describe() {
        return switch (kind) {
            case HUBER -> String.format(Locale.ROOT, "Huber loss (delta = %s)", parameter);
            case HINGE -> String.format(Locale.ROOT, "hinge loss (margin = %s)", parameter);
            default -> kind.title;
        };
    }

    /**
     * Tribuo's objective for a regression loss. Tribuo's squared loss is ½(y − ŷ)² and its Huber loss is ½r² inside
     * delta and delta·(|r| − ½·delta) outside; the loss curve reports the values Tribuo computes.
     */
    public RegressionObjective regressionObjective() {
        return switch (kind) {
            case SQUARED -> new SquaredLoss();
            case ABSOLUTE -> new AbsoluteLoss();
            case HUBER -> new Huber(parameter);
            default -> throw new IllegalStateException(describe() + " is a classification loss");
        };
    }

    /** Tribuo's objective for a classification loss. */
    public LabelObjective labelObjective() {
        return switch (kind) {
            case LOG -> new LogMulticlass();
            case HINGE -> new Hinge(parameter);
            default -> throw new IllegalStateException(describe() + " is a regression loss");
        };
    }
}
