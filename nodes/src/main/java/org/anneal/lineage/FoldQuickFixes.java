package org.anneal.lineage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.Link;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.PortRef;
import org.anneal.graph.Workflow;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;

/** Quick fixes for the issue-16 findings: a prepare step moved into the learner, a tune node moved onto the training rows. */
final class FoldQuickFixes {
    private FoldQuickFixes() {
    }

    /**
     * L2/L3 inside cross-validation: the prepare node becomes its {@code pipeline.*} form (same id, its settings kept) between
     * the learner and every node that took its rows; those nodes take the rows it was fed instead. Only for the plain shape:
     * fitted and applied on the same rows, its state unused, and every consumer of its rows also takes a learner.
     */
    static Optional<QuickFix> intoPipeline(String id, Validation v) {
        Workflow w = v.source().workflow();
        NodeDescriptor d = v.descriptors().get(id);
        String pipelineType = FoldRules.pipelineForm(v, id).orElse(null);
        NodeInstance n = w.node(id).orElse(null);
        if (d == null || pipelineType == null || n == null) {
            return Optional.empty();
        }
        InPort<?> fit = d.inputs().stream().filter(InPort::isFitting).findFirst().orElse(null);
        InPort<?> data = d.inputs().stream().filter(p -> !p.isFitting() && p.kind() == DataKind.TABLE).findFirst().orElse(null);
        OutPort<?> out = d.outputs().stream().filter(p -> p.kind() == DataKind.TABLE).findFirst().orElse(null);
        if (fit == null || data == null || out == null) {
            return Optional.empty();
        }
        var wiring = v.wiring().getOrDefault(id, java.util.Map.of());
        PortRef rows = wiring.get(fit.name());
        if (rows == null || !rows.equals(wiring.get(data.name()))
                || w.links().stream().anyMatch(l -> l.from().node().equals(id) && !l.from().port().equals(out.name()))) {
            return Optional.empty();
        }
        List<Link> outLinks = w.links().stream().filter(l -> l.from().equals(new PortRef(id, out.name()))).toList();
        Set<Link> learnerLinks = new LinkedHashSet<>();
        for (Link l : outLinks) {
            Link learner = learnerWireInto(w, v, l.to().node());
            if (learner == null) {
                return Optional.empty();
            }
            learnerLinks.add(learner);
        }
        Set<PortRef> learners = new LinkedHashSet<>();
        learnerLinks.forEach(l -> learners.add(l.from()));
        if (outLinks.isEmpty() || learners.size() != 1) {
            return Optional.empty();
        }
        PortRef learner = learners.iterator().next();
        NodeDescriptor pd = org.anneal.spec.NodeRegistry.standard().find(pipelineType).orElseThrow();
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        n.params().fields().forEachRemaining(e -> {
            if (pd.param(e.getKey()).isPresent()) {
                params.set(e.getKey(), e.getValue());
            }
        });
        return Optional.of(new QuickFix("Replace '" + id + "' by its pipeline form (" + pipelineType + ") in front of the learner, so it is "
                + "refitted inside every fold.", wf -> {
            List<Link> links = new ArrayList<>();
            for (Link l : wf.links()) {
                if (l.to().node().equals(id) || learnerLinks.contains(l)) {
                    continue;
                }
                links.add(l.from().node().equals(id) ? new Link(rows, l.to()) : l);
            }
            links.add(new Link(learner, new PortRef(id, "learner")));
            for (Link l : learnerLinks) {
                links.add(new Link(new PortRef(id, "pipeline"), l.to()));
            }
            Workflow replaced = wf.withNode(new NodeInstance(id, pipelineType, 1, params, n.position()));
            return new Workflow(replaced.meta(), replaced.nodes(), links, replaced.blocks());
        }));
    }

    /** L11: the tune node's fitting table wire moves from the unsplit rows to the split's training side. */
    static Optional<QuickFix> tuneOnTrainSide(Finding f, Validation v) {
        if (f.nodes().size() < 3 || f.wires().isEmpty()) {
            return Optional.empty();
        }
        String split = f.nodes().get(2);
        PortRef splitSource = v.wiring().getOrDefault(split, java.util.Map.of()).values().stream().findFirst().orElse(null);
        Link old = f.wires().get(0);
        if (splitSource == null || !splitSource.equals(old.from())) {
            return Optional.empty();
        }
        Link fixed = new Link(new PortRef(split, "train"), old.to());
        return Optional.of(new QuickFix("Tune '" + old.to().node() + "' on '" + split + ":train' instead of all rows.", wf -> {
            List<Link> links = new ArrayList<>(wf.links());
            links.set(links.indexOf(old), fixed);
            return new Workflow(wf.meta(), wf.nodes(), links, wf.blocks());
        }));
    }

    private static Link learnerWireInto(Workflow w, Validation v, String node) {
        NodeDescriptor d = v.descriptors().get(node);
        if (d == null) {
            return null;
        }
        for (InPort<?> p : d.inputs()) {
            PortRef src = v.wiring().getOrDefault(node, java.util.Map.of()).get(p.name());
            if (p.kind() == DataKind.LEARNER && src != null) {
                return new Link(src, new PortRef(node, p.name()));
            }
        }
        return null;
    }
}
