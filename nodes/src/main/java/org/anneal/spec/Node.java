package org.anneal.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * A node type. Implementations are annotated with {@link NodeType}, declare their ports as
 * {@code static final} {@link InPort}/{@link OutPort} fields and their parameters as a nested record
 * {@code P} whose components carry {@link Param}. They are stateless: one instance serves every use.
 *
 * @param <P> the parameter record
 */
public interface Node<P extends Record> {

    /** Output specs from input specs and params, without touching data (a source may read a header). */
    Specs configure(Specs in, P params, ConfigContext ctx) throws ConfigError;

    /**
     * Computes the outputs. Must not modify its inputs; should call {@link ExecContext#checkCancelled()}
     * in long loops and report progress. Throw {@link NodeFailure} for problems the user can fix.
     */
    Outputs execute(Inputs in, P params, ExecContext ctx) throws Exception;

    /**
     * Digests of anything outside the graph that the result depends on (a loader's file), so the cache
     * notices when it changes. Called before every run; keep it cheap or memoised.
     */
    default List<Fingerprint> externalFingerprints(P params, ConfigContext ctx) throws IOException, ConfigError {
        return List.of();
    }

    /**
     * Rewrites params saved by an older {@link NodeType#version()} in place, one version step at a time.
     *
     * @param fromVersion the version the params were saved with
     */
    default void migrate(int fromVersion, ObjectNode params) {
    }
}
