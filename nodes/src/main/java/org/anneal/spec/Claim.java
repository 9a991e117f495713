package org.anneal.spec;

/**
 * What a workflow's score claims to measure, declared at its data source or at its split (issue 16, family 6). The
 * leakage analysis judges group, time and near-duplicate findings against it: a random split is an honest test of
 * interpolation among known materials, and a dishonest one of prediction for new compositions.
 */
public enum Claim {
    /** Nothing declared: the analysis assumes new samples of the kind the rows hold, grouped or timed as declared. */
    UNSTATED,
    /** Interpolation within known materials: test rows may be replicates or near-twins of training rows. */
    KNOWN_MATERIALS,
    /** Prediction for compositions never measured: one composition must never be on both sides. */
    NEW_COMPOSITIONS,
    /** Prediction for new heats, specimens or batches (the group column): one group must never be on both sides. */
    NEW_GROUPS,
    /** Prediction of future times: every test row must come after the training rows. */
    FUTURE;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** What the claim promises, in words for findings. */
    public String words() {
        return switch (this) {
            case UNSTATED -> "nothing declared";
            case KNOWN_MATERIALS -> "interpolation within known materials";
            case NEW_COMPOSITIONS -> "prediction for new compositions";
            case NEW_GROUPS -> "prediction for new heats, specimens or batches";
            case FUTURE -> "prediction of future times";
        };
    }

    /** Implemented by the {@code Params} of a source or split that can declare a claim. */
    public interface Declared {
        Claim claim();
    }
}
