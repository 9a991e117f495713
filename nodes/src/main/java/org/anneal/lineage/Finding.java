package org.anneal.lineage;

import java.util.List;
import org.anneal.graph.Link;
import org.anneal.graph.Problem;

/**
 * One reason an evaluation is not honest: which rule, how bad, which nodes and wires (highlighted on the
 * canvas), an explanation a second-year student can follow, and the concrete fix.
 */
public record Finding(String rule, Problem.Severity severity, String title, String explanation, String fix,
                      List<String> nodes, List<Link> wires) {
    public Finding {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
    }

    public boolean isError() {
        return severity == Problem.Severity.ERROR;
    }

    /** As a problem, so the command line and the problems pane list it with everything else. */
    public Problem toProblem() {
        Problem p = new Problem(severity, "leak." + rule, "[" + rule + "] " + title + " " + explanation, fix,
                nodes.isEmpty() ? null : nodes.get(0), null, null, null);
        return p;
    }

    /** The finding as written in results files and by {@code anneal check --json}. */
    public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
        var o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("rule", rule);
        o.put("severity", severity.name().toLowerCase(java.util.Locale.ROOT));
        o.put("title", title);
        o.put("explanation", explanation);
        o.put("fix", fix);
        nodes.forEach(o.putArray("nodes")::add);
        var ws = o.putArray("wires");
        wires.forEach(link -> ws.add(link.toString()));
        return o;
    }

    public String describe() {
        return severity + " " + rule + " " + title + " (nodes: " + String.join(", ", nodes) + ")\n    " + explanation + "\n    Fix: " + fix;
    }
}
