package org.anneal.nodes.pipeline;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.ExecContext;

/**
 * A preprocessing recipe inside a learner: what to learn from the rows the learner is trained on, and nothing
 * else. A {@link PreprocessedLearner} runs it on every fit (each cross-validation fold, each tuning candidate,
 * the final Fit), so the held-out rows never shape the step. Implementations are immutable records, so two
 * learners with the same settings compare equal.
 */
public interface PreprocessingStep {
    /** Human description with settings, e.g. "Standardize". */
    String describe();

    /**
     * Learns the step on {@code train} and returns the learnt transform, the transformed training rows and the
     * feature list the inner learner should use.
     *
     * @throws org.anneal.spec.NodeFailure for rows it cannot learn from
     */
    FittedStep fit(Table train, List<String> features, String target, ExecContext ctx);

    /** Settings a tune node may vary (polynomial degree, number of kept features). */
    default Map<String, Double> hyperparameters() {
        return Map.of();
    }

    /** This step with one setting changed; only names from {@link #hyperparameters()} are accepted. */
    default PreprocessingStep with(String hyperparameter, double value) {
        throw new IllegalArgumentException(describe() + " has no tunable setting '" + hyperparameter + "'");
    }
}
