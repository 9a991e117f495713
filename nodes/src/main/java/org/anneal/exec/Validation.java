package org.anneal.exec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Specs;

/**
 * Everything validation learnt about a workflow: problems, the bound params and the configured specs of
 * every node that could be configured, and a topological order. The executor, the leakage analysis and
 * the editor all start from this.
 *
 * @param order      node ids, every node after its inputs (nodes on a cycle are left out)
 * @param inputs     node id → the nodes it reads from
 * @param wiring     node id → input port → the output feeding it (valid wires only)
 */
public record Validation(LoadedWorkflow source, List<Problem> problems, Map<String, NodeDescriptor> descriptors,
                         Map<String, Record> params, Map<String, Specs> inSpecs, Map<String, Specs> outSpecs,
                         List<String> order, Map<String, Set<String>> inputs,
                         Map<String, Map<String, org.anneal.graph.PortRef>> wiring) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** Problems that concern one node. */
    public List<Problem> problemsOf(String nodeId) {
        return problems.stream().filter(p -> nodeId.equals(p.nodeId())).toList();
    }

    /** A node can run when it and everything upstream configured without errors. */
    public boolean isRunnable(String nodeId) {
        return outSpecs.containsKey(nodeId);
    }
}
