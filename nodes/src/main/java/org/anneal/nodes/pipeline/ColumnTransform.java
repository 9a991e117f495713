package org.anneal.nodes.pipeline;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;

/**
 * A column transform declared once: how it learns its state from rows, with settings {@code P} (the prepare node's
 * params). The {@code prepare.*} node runs it on its {@code fit} rows and applies the state to {@code data}; the
 * {@code pipeline.*} form runs it inside a learner on exactly the rows each fit is given ({@link TransformStep}), so
 * the two can never disagree about what "standardize" or "select k best" means.
 */
public interface ColumnTransform<P extends Record> {
    /**
     * Learns the state on {@code rows}, resolving the columns from {@code settings} as the prepare node does.
     *
     * @throws ConfigError for settings that do not fit the rows (a listed column that is missing, say)
     */
    FittedTransform fit(Table rows, P settings, ExecContext ctx) throws ConfigError;

    /**
     * The settings to fit with inside a learner, whose training rows are {@code train} and whose features are {@code
     * features}: typically {@code step} with its columns narrowed to the features the transform can use. Null when there is
     * nothing to transform, so the rows pass unchanged (no categorical feature to encode, say).
     */
    P inPipeline(Table train, List<String> features, P step);

    /** Human description of a pipeline step with these settings, e.g. "Standardize". */
    String describe(P settings);

    /** True when fitting looks at the target: inside a pipeline it then sees only the learner's features and the target. */
    default boolean readsTarget() {
        return false;
    }
}
