package org.anneal.exec;

import org.anneal.graph.Problem;
import org.anneal.spec.Outputs;

/**
 * How one node's run ended.
 *
 * @param outputs null unless {@link NodeStatus#hasOutputs()}
 * @param problem why it failed or was skipped; null otherwise
 */
public record NodeResult(String nodeId, NodeStatus status, Outputs outputs, long nanos, Problem problem, String cacheKey) {
}
