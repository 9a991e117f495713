package org.anneal.exec;

import java.nio.file.Path;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;

/**
 * A context for calling a node's configure or execute directly, outside a run: no cancellation, no
 * progress, paths against {@code baseDir}. Used by tests and by the benchmark's no-executor baseline.
 */
public record StandaloneContext(String nodeId, long seed, Path baseDir) implements ExecContext {
    /** Node {@code nodeId} with the seed it would get in a workflow seeded {@code workflowSeed}. */
    public static StandaloneContext forNode(String nodeId, long workflowSeed, Path baseDir) {
        return new StandaloneContext(nodeId, Seeds.forNode(workflowSeed, nodeId), baseDir);
    }

    @Override
    public void checkCancelled() {
    }

    @Override
    public void progress(double fraction) {
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public Path resolve(String path, String param) throws ConfigError {
        return baseDir.resolve(path);
    }
}
