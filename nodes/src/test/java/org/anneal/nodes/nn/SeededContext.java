package org.anneal.nodes.nn;

import java.nio.file.Path;
import org.anneal.spec.ExecContext;

/** A context with a fixed seed that never cancels and that no one watches: for calling trainers directly in tests. */
public record SeededContext(long seed) implements ExecContext {
    public void checkCancelled() {
    }

    public void progress(double fraction) {
    }

    public String device() {
        return "cpu";
    }

    public Path resolve(String path, String param) {
        return Path.of(path);
    }

    public String nodeId() {
        return "test";
    }
}
