package org.anneal.graph;

import java.util.Objects;

/** One end of a wire: {@code node:port}. */
public record PortRef(String node, String port) {
    public PortRef {
        Objects.requireNonNull(node);
        Objects.requireNonNull(port);
    }

    /** Parses {@code "node:port"}; the node id may not contain ':'. Returns null when malformed. */
    public static PortRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
            return null;
        }
        return new PortRef(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return node + ":" + port;
    }
}
