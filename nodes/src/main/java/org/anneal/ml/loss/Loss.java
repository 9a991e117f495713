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
 * @param penalty   a physics penalty added to the data loss (networks only), or null
 */
public record Loss(Kind kind, double parameter, Penalty penalty) {

    public Loss(Kind kind, double parameter) {
        this(kind, parameter, null);
    }

    /**
     * A penalty on the network's outputs ŷ added to the data loss, λ times its mean over rows: non-negativity
     * mean_j max(0, −ŷ_j)², bounds mean_j [max(0, low − ŷ_j)² + max(0, ŷ_j − high)²], sum-to-one (Σ_j ŷ_j − 1)².
     */
    public record Penalty(PenaltyKind kind, double lambda, double low, double high) {
        public Penalty {
            if (!(lambda >= 0) || kind == PenaltyKind.BOUNDS && !(high > low)) {
                throw new IllegalArgumentException("bad penalty: " + kind + " λ " + lambda + " [" + low + ", " + high + "]");
            }
        }

        public String describe() {
            return switch (kind) {
                case NON_NEGATIVE -> String.format(Locale.ROOT, "%s·non-negativity", lambda);
                case BOUNDS -> String.format(Locale.ROOT, "%s·bounds [%s, %s]", lambda, low, high);
                case SUM_TO_ONE -> String.format(Locale.ROOT, "%s·sum-to-one", lambda);
            };
        }
    }

    public enum PenaltyKind { NON_NEGATIVE, BOUNDS, SUM_TO_ONE }

    public Loss withPenalty(Penalty p) {
        return new Loss(kind, parameter, p);
    }

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
        String base = switch (kind) {
            case HUBER -> String.format(Locale.ROOT, "Huber loss (delta = %s)", parameter);
            case HINGE -> String.format(Locale.ROOT, "hinge loss (margin = %s)", parameter);
            default -> kind.title;
        };
        return penalty == null ? base : base + " + " + penalty.describe();
    }
}
