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
     * A penalty on the network's outputs ŷ added to the data loss, λ times its mean: non-negativity mean_j max(0, −ŷ_j)²,
     * bounds mean_j [max(0, low − ŷ_j)² + max(0, ŷ_j − high)²], sum-to-one (Σ_j ŷ_j − 1)², each over the training rows;
     * increasing / decreasing in {@code feature}: mean max(0, ∓(ŷ(x + δe) − ŷ(x)))² over probe pairs whose feature value
     * is drawn over the training range widened by {@code reach} ranges on each side, δ = {@code step} ranges; asymptote:
     * mean (ŷ(x with feature = {@code far}) − {@code limit})² over the training rows moved to the far value.
     *
     * @param feature the input column the monotone and asymptote laws speak of; empty for the others
     */
    public record Penalty(PenaltyKind kind, double lambda, double low, double high, String feature, double step, double reach, double far,
                          double limit) {
        public Penalty {
            if (!(lambda >= 0) || kind == PenaltyKind.BOUNDS && !(high > low) || kind.probed() && (feature == null || feature.isEmpty()
                    || !(step > 0) || !(reach >= 0) || !Double.isFinite(far) || !Double.isFinite(limit))) {
                throw new IllegalArgumentException("bad penalty: " + kind + " λ " + lambda + " [" + low + ", " + high + "] on '" + feature + "'");
            }
        }

        /** A penalty on the predictions alone (non-negative, bounds, sum-to-one). */
        public Penalty(PenaltyKind kind, double lambda, double low, double high) {
            this(kind, lambda, low, high, "", 0.05, 1, 0, 0);
        }

        /** Monotone in {@code feature} ({@link PenaltyKind#INCREASING} or {@link PenaltyKind#DECREASING}). */
        public static Penalty monotone(PenaltyKind direction, double lambda, String feature, double step, double reach) {
            return new Penalty(direction, lambda, 0, 1, feature, step, reach, 0, 0);
        }

        /** The prediction tends to {@code limit} as {@code feature} goes to {@code far}. */
        public static Penalty asymptote(double lambda, String feature, double far, double limit) {
            return new Penalty(PenaltyKind.ASYMPTOTE, lambda, 0, 1, feature, 0.05, 1, far, limit);
        }

        public String describe() {
            return switch (kind) {
                case NON_NEGATIVE -> String.format(Locale.ROOT, "%s·non-negativity", lambda);
                case BOUNDS -> String.format(Locale.ROOT, "%s·bounds [%s, %s]", lambda, low, high);
                case SUM_TO_ONE -> String.format(Locale.ROOT, "%s·sum-to-one", lambda);
                case INCREASING, DECREASING -> String.format(Locale.ROOT, "%s·%s in %s", lambda, kind == PenaltyKind.INCREASING
                        ? "increasing" : "decreasing", feature);
                case ASYMPTOTE -> String.format(Locale.ROOT, "%s·(ŷ → %s as %s → %s)", lambda, limit, feature, far);
            };
        }
    }

    /** The laws; the last three need extra rows the trainer makes up (probe rows), the first three act on the training rows. */
    public enum PenaltyKind {
        NON_NEGATIVE, BOUNDS, SUM_TO_ONE, INCREASING, DECREASING, ASYMPTOTE;

        /** Whether the law speaks of an input, so the trainer adds probe rows for it. */
        public boolean probed() {
            return this == INCREASING || this == DECREASING || this == ASYMPTOTE;
        }
    }

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
