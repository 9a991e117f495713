package org.anneal.nodes;

import java.nio.file.Path;
import org.anneal.exec.StandaloneContext;

/** Contexts for calling nodes directly in tests. */
final class TestCtx {
    private TestCtx() {
    }

    static StandaloneContext of(String nodeId) {
        return new StandaloneContext(nodeId, 42, Path.of("."));
    }
}
