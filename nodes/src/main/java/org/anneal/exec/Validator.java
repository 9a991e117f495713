package org.anneal.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Problem;
import org.anneal.graph.Workflow;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.InPort;
import org.anneal.spec.Names;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;
import org.anneal.spec.Spec;
import org.anneal.spec.Specs;

/**
 * Checks a workflow before anything runs: node types, params, wires (ports exist, kinds match, one wire
 * per input), cycles, required inputs, and then each node's configure step in topological order, which
 * catches unknown columns and wrong table shapes. Every problem names its node, port or parameter, its
 * place in the file and a fix.
 */
public final class Validator {
    private final org.anneal.spec.NodeRegistry registry;

    public Validator(org.anneal.spec.NodeRegistry registry) {
        this.registry = registry;
    }

    public Validation validate(LoadedWorkflow lw, FileAccess files) {
        Workflow w = lw.workflow();
        List<Problem> problems = new ArrayList<>();
        Map<String, NodeDescriptor> descriptors = new LinkedHashMap<>();
        Map<String, Record> params = new LinkedHashMap<>();

        for (NodeInstance n : w.nodes()) {
            Optional<NodeDescriptor> d = registry.find(n.type());
            if (d.isEmpty()) {
                String closest = Names.closest(n.type(), registry.ids());
                problems.add(Problem.error("node.unknown-type", "Unknown node type '" + n.type() + "'.",
                        closest != null ? "Did you mean '" + closest + "'? `anneal nodes` lists every type."
                                : "`anneal nodes` lists every node type this Anneal knows.")
                        .atNode(n.id()).at(lw.locateNode(n.id(), "type")));
                continue;
            }
            NodeDescriptor desc = d.get();
            descriptors.put(n.id(), desc);
            ObjectNode json = n.params();
            if (n.typeVersion() > desc.version()) {
                problems.add(Problem.error("node.newer-version", "Node '" + n.id() + "' was saved by a newer Anneal ('" + n.type()
                                + "' version " + n.typeVersion() + "; this one knows version " + desc.version() + ").",
                        "Update Anneal to run this workflow.").atNode(n.id()).at(lw.locateNode(n.id(), "typeVersion")));
                continue;
            }
            for (int v = n.typeVersion(); v < desc.version(); v++) {
                desc.node().migrate(v, json);
            }
            NodeDescriptor.Binding b = desc.bind(json);
            for (NodeDescriptor.ParamIssue issue : b.issues()) {
                problems.add(Problem.error(issue.unknownName() ? "param.unknown" : "param.invalid", issue.message(), issue.fix())
                        .atParam(n.id(), issue.param())
                        .at(lw.locateNode(n.id(), issue.param().isEmpty() ? "params" : "params/" + issue.path())));
            }
            if (b.ok()) {
                params.put(n.id(), b.params());
            }
        }

        // the leakage block's thresholds are checked here so a typo is a located problem before anything runs
        try {
            org.anneal.lineage.DynamicChecks.Thresholds.of(w);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error("leakage.threshold", e.getMessage(),
                    "Fix the name or value under \"leakage\": {\"thresholds\": …}; the README's \"Leakage analysis\" lists the thresholds and their defaults.")
                    .at(lw.locations().at("/leakage/thresholds")));
        }

        // wires: both ends exist, kinds agree, at most one wire per input
        Map<String, Map<String, Link>> wiredInputs = new HashMap<>();
        Set<String> rejectedInputs = new HashSet<>(); // "node:port" with a wrong wire: one problem per port is enough
        List<Link> goodLinks = new ArrayList<>();
        for (Link l : w.links()) {
            Problem p = checkLink(w, l, descriptors, wiredInputs);
            if (p != null) {
                problems.add(p.at(lw.locateLink(l)));
                rejectedInputs.add(l.to().toString());
            } else {
                goodLinks.add(l);
                wiredInputs.computeIfAbsent(l.to().node(), k -> new HashMap<>()).put(l.to().port(), l);
            }
        }

        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        for (NodeInstance n : w.nodes()) {
            inputs.put(n.id(), new LinkedHashSet<>());
        }
        for (Link l : goodLinks) {
            inputs.get(l.to().node()).add(l.from().node());
        }
        List<String> order = topologicalOrder(w, inputs);
        if (order.size() < w.nodes().size()) {
            List<String> cycle = findCycle(inputs, order, w.nodes().stream().map(NodeInstance::id).toList());
            problems.add(Problem.error("graph.cycle", "The wires form a loop: " + String.join(" → ", cycle) + ".",
                    "Remove one of these wires; data must flow one way, from sources to results.")
                    .atNode(cycle.get(0)).at(lw.locateNode(cycle.get(0), null)));
        }

        for (NodeInstance n : w.nodes()) {
            NodeDescriptor d = descriptors.get(n.id());
            if (d == null) {
                continue;
            }
            for (InPort<?> in : d.inputs()) {
                if (!in.isOptional() && !wiredInputs.getOrDefault(n.id(), Map.of()).containsKey(in.name())
                        && !rejectedInputs.contains(n.id() + ":" + in.name())) {
                    problems.add(Problem.error("wire.missing-input", "Input '" + in.name() + "' of '" + n.id() + "' is not connected.",
                            "Connect a " + in.kind().title().toLowerCase() + " output to it. " + in.doc())
                            .atPort(n.id(), in.name()).at(lw.locateNode(n.id(), null)));
                }
            }
        }

        Map<String, Specs> inSpecs = new LinkedHashMap<>();
        Map<String, Specs> outSpecs = new LinkedHashMap<>();
        for (String id : order) {
            NodeDescriptor d = descriptors.get(id);
            Record p = params.get(id);
            if (d == null || p == null) {
                continue;
            }
            Map<String, Spec> in = new LinkedHashMap<>();
            boolean ready = true;
            for (InPort<?> port : d.inputs()) {
                Link l = wiredInputs.getOrDefault(id, Map.of()).get(port.name());
                if (l == null) {
                    ready &= port.isOptional();
                    continue;
                }
                Specs upstream = outSpecs.get(l.from().node());
                Spec s = upstream == null ? null : upstream.get(l.from().port());
                if (s == null) {
                    ready = false; // upstream has its own problem; reporting it again here would only confuse
                } else {
                    in.put(port.name(), s);
                }
            }
            if (!ready) {
                continue;
            }
            Specs inS = Specs.of(in);
            try {
                Specs out = d.configure(inS, p, files.forNode(id));
                for (OutPort<?> o : d.outputs()) {
                    if (out.get(o.name()) == null) {
                        throw new IllegalStateException("configure of " + d.id() + " gave no spec for output " + o.name());
                    }
                }
                inSpecs.put(id, inS);
                outSpecs.put(id, out);
            } catch (ConfigError e) {
                Problem pr = Problem.error("node.config", e.getMessage(), e.fix());
                if (e.param() != null) {
                    pr = pr.atParam(id, e.param()).at(lw.locateNode(id, "params/" + e.param()));
                } else if (e.port() != null) {
                    pr = pr.atPort(id, e.port()).at(lw.locateNode(id, null));
                } else {
                    pr = pr.atNode(id).at(lw.locateNode(id, null));
                }
                problems.add(pr);
            } catch (RuntimeException e) {
                problems.add(Problem.error("node.internal", "Node '" + id + "' could not be checked (" + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").",
                        "This is a bug in Anneal; please report it with the workflow file.").atNode(id).at(lw.locateNode(id, null)));
            }
        }
        Map<String, Map<String, org.anneal.graph.PortRef>> wiring = new LinkedHashMap<>();
        wiredInputs.forEach((node, ports) -> {
            Map<String, org.anneal.graph.PortRef> m = new LinkedHashMap<>();
            ports.forEach((port, link) -> m.put(port, link.from()));
            wiring.put(node, m);
        });
        return new Validation(lw, List.copyOf(problems), descriptors, params, inSpecs, outSpecs, List.copyOf(order), inputs, wiring);
    }

    private static Problem checkLink(Workflow w, Link l, Map<String, NodeDescriptor> descriptors,
                                     Map<String, Map<String, Link>> wired) {
        String fromId = l.from().node();
        String toId = l.to().node();
        if (w.node(fromId).isEmpty()) {
            return Problem.error("wire.unknown-node", "Wire " + l + " starts at node '" + fromId + "', which does not exist.",
                    hint(fromId, w)).atNode(toId);
        }
        if (w.node(toId).isEmpty()) {
            return Problem.error("wire.unknown-node", "Wire " + l + " ends at node '" + toId + "', which does not exist.",
                    hint(toId, w)).atNode(fromId);
        }
        NodeDescriptor from = descriptors.get(fromId);
        NodeDescriptor to = descriptors.get(toId);
        if (from == null || to == null) {
            return null; // the unknown type is reported already; keep the wire so the graph still shows it
        }
        Optional<OutPort<?>> out = from.output(l.from().port());
        if (out.isEmpty()) {
            List<String> names = from.outputs().stream().map(OutPort::name).toList();
            String c = Names.closest(l.from().port(), names);
            return Problem.error("wire.unknown-port", "Node '" + fromId + "' (" + from.title() + ") has no output '" + l.from().port() + "'.",
                    (c != null ? "Did you mean '" + c + "'? " : "") + "Its outputs are: " + String.join(", ", names) + ".")
                    .atPort(fromId, l.from().port());
        }
        Optional<InPort<?>> in = to.input(l.to().port());
        if (in.isEmpty()) {
            List<String> names = to.inputs().stream().map(InPort::name).toList();
            String c = Names.closest(l.to().port(), names);
            return Problem.error("wire.unknown-port", "Node '" + toId + "' (" + to.title() + ") has no input '" + l.to().port() + "'.",
                    (c != null ? "Did you mean '" + c + "'? " : "") + (names.isEmpty() ? "It has no inputs." : "Its inputs are: " + String.join(", ", names) + "."))
                    .atPort(toId, l.to().port());
        }
        if (!in.get().kind().accepts(out.get().kind())) {
            List<String> fits = to.inputs().stream().filter(p -> p.kind().accepts(out.get().kind())).map(InPort::name).toList();
            return Problem.error("wire.kind-mismatch", "Wire " + l + " connects a " + out.get().kind().title() + " output to a "
                            + in.get().kind().title() + " input.",
                    fits.isEmpty() ? "'" + toId + "' takes no " + out.get().kind().title() + "; connect '" + l.from() + "' to a node that does."
                            : "Connect it to " + fits.stream().map(f -> "'" + toId + ":" + f + "'").toList() + " instead.")
                    .atPort(toId, l.to().port());
        }
        Link existing = wired.getOrDefault(toId, Map.of()).get(l.to().port());
        if (existing != null) {
            return Problem.error("wire.duplicate-input", "Input '" + l.to() + "' has two wires (from " + existing.from() + " and " + l.from() + ").",
                    "An input takes one wire; delete one of them.").atPort(toId, l.to().port());
        }
        return null;
    }

    private static String hint(String id, Workflow w) {
        String c = Names.closest(id, w.nodes().stream().map(NodeInstance::id).toList());
        return c != null ? "Did you mean '" + c + "'?" : "Check the node ids in \"links\".";
    }

    /** Kahn's algorithm in file order, so the plan is deterministic. */
    static List<String> topologicalOrder(Workflow w, Map<String, Set<String>> inputs) {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        Map<String, List<String>> consumers = new HashMap<>();
        for (NodeInstance n : w.nodes()) {
            waiting.put(n.id(), inputs.get(n.id()).size());
            for (String src : inputs.get(n.id())) {
                consumers.computeIfAbsent(src, k -> new ArrayList<>()).add(n.id());
            }
        }
        Deque<String> ready = new ArrayDeque<>();
        waiting.forEach((id, c) -> {
            if (c == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String c : consumers.getOrDefault(id, List.of())) {
                if (waiting.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        return order;
    }

    /** One cycle among the nodes Kahn's algorithm could not order, as a closed path a → b → … → a. */
    static List<String> findCycle(Map<String, Set<String>> inputs, List<String> ordered, List<String> fileOrder) {
        Set<String> left = new LinkedHashSet<>(inputs.keySet());
        ordered.forEach(left::remove);
        String start = left.iterator().next();
        // walk backwards along inputs that are still unordered; we must revisit a node within |left| steps
        List<String> path = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        String cur = start;
        while (!seenAt.containsKey(cur)) {
            seenAt.put(cur, path.size());
            path.add(cur);
            cur = inputs.get(cur).stream().filter(left::contains).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(seenAt.get(cur), path.size()));
        java.util.Collections.reverse(cycle); // inputs point backwards; show data-flow direction
        // start at the node that comes first in the file, so the message is stable and reads naturally
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (fileOrder.indexOf(cycle.get(i)) < fileOrder.indexOf(cycle.get(first))) {
                first = i;
            }
        }
        java.util.Collections.rotate(cycle, -first);
        cycle.add(cycle.get(0));
        return cycle;
    }

    static Set<String> downstream(String id, Map<String, Set<String>> inputs) {
        Set<String> out = new HashSet<>();
        boolean grew = true;
        out.add(id);
        while (grew) {
            grew = false;
            for (var e : inputs.entrySet()) {
                if (!out.contains(e.getKey()) && e.getValue().stream().anyMatch(out::contains)) {
                    out.add(e.getKey());
                    grew = true;
                }
            }
        }
        return out;
    }
}
