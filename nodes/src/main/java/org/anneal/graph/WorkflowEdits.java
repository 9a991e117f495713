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

    /** The nodes {@code ids} of {@code w} and the wires among them, as a workflow of their own (what Copy puts on the clipboard). */
    public Workflow fragment(Workflow w, java.util.Collection<String> ids) {
        java.util.Set<String> keep = new java.util.HashSet<>(ids);
        return new Workflow(w.meta(), w.nodes().stream().filter(n -> keep.contains(n.id())).toList(),
                w.links().stream().filter(l -> keep.contains(l.from().node()) && keep.contains(l.to().node())).toList(),
                java.util.Map.of());
    }

    /** What a paste did: the new workflow and the ids the pasted nodes got, in the fragment's order. */
    public record Pasted(Workflow workflow, List<String> ids) {
    }

    /**
     * Adds a fragment's nodes and wires to {@code w}, its top-left corner at {@code (x, y)}. A pasted node
     * whose id is taken is renamed (ridge, ridge2, ridge3, ...) and its wires follow; params are kept as
     * they are, and wires to nodes outside the fragment are dropped.
     */
    public Pasted paste(Workflow w, Workflow fragment, double x, double y) {
        double minX = fragment.nodes().stream().filter(n -> n.position() != null).mapToDouble(n -> n.position().x()).min().orElse(0);
        double minY = fragment.nodes().stream().filter(n -> n.position() != null).mapToDouble(n -> n.position().y()).min().orElse(0);
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        w.nodes().forEach(n -> taken.add(n.id()));
        Workflow out = w;
        List<String> ids = new ArrayList<>();
        int i = 0;
        for (NodeInstance n : fragment.nodes()) {
            String id = freeId(n.id(), taken);
            taken.add(id);
            renamed.put(n.id(), id);
            ids.add(id);
            // nodes without a position are fanned out so they do not land on top of each other
            NodeInstance.Position p = n.position() == null ? new NodeInstance.Position(x + 230 * i, y)
                    : new NodeInstance.Position(x + n.position().x() - minX, y + n.position().y() - minY);
            out = out.withNode(new NodeInstance(id, n.type(), n.typeVersion(), n.params(), p));
            i++;
        }
        for (Link l : fragment.links()) {
            String a = renamed.get(l.from().node());
            String b = renamed.get(l.to().node());
            if (a != null && b != null) {
                Link moved = new Link(new PortRef(a, l.from().port()), new PortRef(b, l.to().port()));
                out = new Workflow(out.meta(), out.nodes(), java.util.stream.Stream.concat(
                        out.links().stream().filter(x0 -> !x0.to().equals(moved.to())), java.util.stream.Stream.of(moved)).toList(), out.blocks());
            }
        }
        return new Pasted(out, ids);
    }

    /** {@code id} if free, else the first of id2, id3, ... that is; ids stay within the 64 characters a file allows. */
    private static String freeId(String id, java.util.Set<String> taken) {
        if (!taken.contains(id)) {
            return id;
        }
        String base = id.replaceAll("\\d+$", "");
        if (base.isEmpty()) {
            base = "n";
        }
        base = base.length() > 58 ? base.substring(0, 58) : base;
        for (int i = 2; ; i++) {
            if (!taken.contains(base + i)) {
                return base + i;
            }
        }
    }

    /** Moves several nodes at once (a multi-selection drag or a frame), as one edit. */
    public Workflow moveNodes(Workflow w, java.util.Map<String, NodeInstance.Position> positions) {
        Workflow out = w;
        for (var e : positions.entrySet()) {
            NodeInstance n = out.node(e.getKey()).orElse(null);
            if (n != null) {
                out = out.withNode(n.withPosition(e.getValue()));
            }
        }
        return out;
    }

    /** Deletes several nodes and every wire touching them, as one edit. */
    public Workflow deleteNodes(Workflow w, java.util.Collection<String> ids) {
        Workflow out = w;
        for (String id : ids) {
            out = out.withoutNode(id);
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
