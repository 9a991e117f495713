package org.anneal.exec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.anneal.device.Device;
import org.anneal.graph.Problem;
import org.anneal.spec.Fingerprint;

/**
 * The outcome of a run: per-node results in plan order, the device used, and the digests of every
 * external file read (for provenance).
 */
public record RunResult(Map<String, NodeResult> nodes, Device device, long totalNanos, boolean cancelled,
                        Map<String, List<Fingerprint>> fingerprints) {
    public RunResult {
        Objects.requireNonNull(nodes);
    }

    public boolean succeeded() {
        return !cancelled && nodes.values().stream().allMatch(r -> r.status().hasOutputs());
    }

    public List<Problem> problems() {
        return nodes.values().stream().map(NodeResult::problem).filter(Objects::nonNull).toList();
    }

    /** Nodes that actually executed (not served from the cache). */
    public List<String> executed() {
        return nodes.values().stream().filter(r -> r.status() == NodeStatus.DONE).map(NodeResult::nodeId).toList();
    }

    public NodeResult node(String id) {
        return nodes.get(id);
    }
}
