package org.anneal.nodes;

import java.nio.file.Path;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;

/** A synchronous context for calling configure/execute directly. */
public record TestCtx(String nodeId, long seed, Path baseDir) implements ExecContext {
    public static TestCtx of(String nodeId) {
        return new TestCtx(nodeId, 42, Path.of("."));
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
