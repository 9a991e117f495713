package org.anneal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.OutPort;

/**
 * The edits an editor makes, as pure functions from workflow to workflow, with the same checks the
 * validator applies to files: a wire that cannot work is refused with its reason before it is drawn.
 */
public final class WorkflowEdits {
    private final NodeRegistry registry;

    public WorkflowEdits(NodeRegistry registry) {
        this.registry = registry;
    }

    /** Outcome of an edit: the new workflow, or the reason it was refused. */
    public record Outcome(Workflow workflow, String refusal) {
        public boolean ok() {
            return refusal == null;
        }

        static Outcome refused(Workflow w, String why) {
            return new Outcome(w, why);
        }
    }

    /** Adds a node of {@code type}; params stay unset so the defaults apply. Its id is derived from the type and unique. */
    public Outcome addNode(Workflow w, String type, double x, double y) {
        Optional<NodeDescriptor> d = registry.find(type);
        if (d.isEmpty()) {
            return Outcome.refused(w, "There is no node type '" + type + "'.");
        }
        String base = type.substring(type.indexOf('.') + 1).replace('-', '_');
        String id = base;
        for (int i = 2; w.node(id).isPresent(); i++) {
            id = base + i;
        }
        return new Outcome(w.withNode(new NodeInstance(id, type, d.get().version(), null, new NodeInstance.Position(x, y))), null);
    }

    /**
     * Connects an output to an input. A compatible wire replaces whatever fed that input before (an input
     * takes one wire); an incompatible one is refused with the reason.
     */
    public Outcome connect(Workflow w, PortRef from, PortRef to) {
        String why = whyNot(w, from, to);
        if (why != null) {
            return Outcome.refused(w, why);
        }
        List<Link> links = new ArrayList<>(w.links().stream().filter(l -> !l.to().equals(to)).toList());
        links.add(new Link(from, to));
        return new Outcome(new Workflow(w.meta(), w.nodes(), links, w.blocks()), null);
    }

    /** Null when {@code from} may feed {@code to}; otherwise the reason, for the status line. */
    public String whyNot(Workflow w, PortRef from, PortRef to) {
        if (from.node().equals(to.node())) {
            return "A node cannot feed itself.";
        }
        NodeDescriptor a = w.node(from.node()).flatMap(n -> registry.find(n.type())).orElse(null);
        NodeDescriptor b = w.node(to.node()).flatMap(n -> registry.find(n.type())).orElse(null);
        if (a == null || b == null) {
            return "Unknown node.";
        }
        OutPort<?> out = a.output(from.port()).orElse(null);
        InPort<?> in = b.input(to.port()).orElse(null);
        if (out == null || in == null) {
            return "Unknown port.";
        }
        if (!in.kind().accepts(out.kind())) {
            return "'" + to + "' takes a " + in.kind().title() + ", but '" + from + "' gives a " + out.kind().title() + ".";
        }
        if (reaches(w, to.node(), from.node())) {
            return "This wire would make a loop: '" + from.node() + "' already depends on '" + to.node() + "'.";
        }
        return null;
    }

    public Workflow deleteNode(Workflow w, String id) {
        return w.withoutNode(id);
    }

    public Workflow disconnect(Workflow w, Link l) {
        return w.withoutLink(l);
    }

    /** Sets one parameter (JSON value); a null value restores the default by removing it. */
    public Workflow setParam(Workflow w, String id, String param, JsonNode value) {
        NodeInstance n = w.node(id).orElseThrow();
        ObjectNode p = n.params();
        if (value == null) {
            p.remove(param);
        } else {
            p.set(param, value);
        }
        return w.withNode(n.withParams(p));
    }

    /**
     * The workflow as it must read when saved in {@code newBase} instead of {@code oldBase}: relative file
     * paths are rewritten to point at the same files; absolute ones are left alone.
     */
    public Workflow relocate(Workflow w, java.nio.file.Path oldBase, java.nio.file.Path newBase) {
        Workflow out = w;
        for (NodeInstance n : w.nodes()) {
            NodeDescriptor d = registry.find(n.type()).orElse(null);
            if (d == null) {
                continue;
            }
            for (var p : d.params()) {
                JsonNode v = n.params().get(p.name());
                if (p.type() == org.anneal.spec.ParamType.PATH && v != null && v.isTextual() && !java.nio.file.Path.of(v.textValue()).isAbsolute()) {
                    String moved = newBase.relativize(oldBase.resolve(v.textValue()).normalize()).toString().replace('\\', '/');
                    out = setParam(out, n.id(), p.name(), com.fasterxml.jackson.databind.node.TextNode.valueOf(moved));
                }
            }
        }
        return out;
    }

    /** True when data flows from {@code start} to {@code target} along existing wires. */
    private static boolean reaches(Workflow w, String start, String target) {
        List<String> stack = new ArrayList<>(List.of(start));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!stack.isEmpty()) {
            String n = stack.remove(stack.size() - 1);
            if (n.equals(target)) {
                return true;
            }
            if (seen.add(n)) {
                w.links().stream().filter(l -> l.from().node().equals(n)).forEach(l -> stack.add(l.to().node()));
            }
        }
        return false;
    }
}
