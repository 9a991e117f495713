package org.anneal.editor;

import org.anneal.exec.Validation;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Specs;

/**
 * The line a network block shows under its ports, from what validation configured — no run, no native code: a layer
 * block its output shape and parameters ({@code → 30×30×8 · 208 params}), the block that takes the network
 * ({@code model.network}) the whole network's total.
 */
final class ShapeLine {
    private ShapeLine() {
    }

    /** The line for {@code nodeId}, or "" when it handles no network or could not be configured. */
    static String of(Validation v, String nodeId) {
        NetworkSpec made = network(v.outSpecs().get(nodeId));
        if (made != null) {
            return made.summary();
        }
        NetworkSpec taken = network(v.inSpecs().get(nodeId));
        return taken != null && v.outSpecs().containsKey(nodeId) ? taken.totalSummary() : "";
    }

    private static NetworkSpec network(Specs specs) {
        return specs == null ? null : specs.asMap().values().stream().filter(NetworkSpec.class::isInstance).map(NetworkSpec.class::cast)
                .findFirst().orElse(null);
    }
}
