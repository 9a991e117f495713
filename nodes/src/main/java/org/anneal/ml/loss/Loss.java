package org.anneal.ml.loss;

import java.util.Locale;
import org.anneal.spec.Task;

/**
 * A loss function: the value on a LOSS wire, telling a gradient-trained learner what to minimise. Settings only, no
 * backend: a learner translates it into its library's objective (Tribuo's for the linear SGD learners, DL4J's for
 * networks), so one loss block serves every backend.
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
}
