package org.anneal.lineage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anneal.exec.Validation;
import org.anneal.graph.Link;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.PortRef;
import org.anneal.graph.Workflow;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;

/** Finds the graph edit that fixes a finding, where one exists. */
public final class QuickFixes {
    private QuickFixes() {
    }

    public static Optional<QuickFix> forFinding(Finding f, Validation v) {
        Workflow w = v.source().workflow();
        return switch (f.rule()) {
            case "L1", "L5" -> trainOnTrainSide(f, v).or(() -> swapSplitSide(f, v));
            case "L6" -> chooseOnValidation(f, v);
            case "L7" -> w.node(f.nodes().get(0)).filter(n -> n.type().equals("evaluate.cross-validate")).isPresent()
                    ? Optional.of(new QuickFix("Form the folds of '" + f.nodes().get(0) + "' by group.",
                            wf -> wf.withNode(wf.node(f.nodes().get(0)).orElseThrow().withParam("strategy", "group"))))
                    : replaceSplit(f, w, "split.group", "Replace '" + f.nodes().get(0) + "' with a Group split.");
            case "L8" -> v.params().get(f.nodes().get(0)) instanceof org.anneal.spec.TimeGap ? WindowRules.setGap(f, v)
                    : v.params().get(f.nodes().get(0)) instanceof org.anneal.spec.LooksAhead la
                    ? Optional.of(new QuickFix(la.pastOnlyFix().equals(org.anneal.spec.LooksAhead.TRAILING_WINDOW)
                            ? "Use a trailing window in '" + f.nodes().get(0) + "' (past rows only)."
                            : "Make '" + f.nodes().get(0) + "' use past rows only: " + la.pastOnlyFix() + ".", wf -> {
                        NodeInstance n = wf.node(f.nodes().get(0)).orElseThrow();
                        for (var e : la.pastOnly().entrySet()) {
                            n = n.withParam(e.getKey(), e.getValue());
                        }
                        return wf.withNode(n);
                    }))
                    : isFitter(v, f.nodes().get(0)) ? moveAfterSplit(f.nodes().get(0), v)
                    : replaceSplit(f, w, "split.time", "Replace '" + f.nodes().get(0) + "' with a Time split.");
            case "L2", "L3" -> moveAfterSplit(f.nodes().get(0), v).or(() -> FoldQuickFixes.intoPipeline(f.nodes().get(0), v));
            case "L11" -> FoldQuickFixes.tuneOnTrainSide(f, v);
            case "L13" -> LookRules.measureOffTheTest(f, v);
            case "L4" -> moveOntoTrainBranch(f.nodes().get(0), f.nodes().get(1), v);
            case "L9" -> ignorePostOutcome(w).or(() -> ignoreAtGenerator(v));
            case "L16" -> ClaimQuickFixes.forL16(f, v);
            case "L15" -> w.node(f.nodes().get(0)).map(n -> new QuickFix("Set the role of the column '" + f.nodes().get(0)
                    + "' derives to ignore.", wf -> wf.withNode(wf.node(n.id()).orElseThrow().withParam("role", "ignore"))));
            default -> Optional.empty();
        };
    }

    private static boolean isFitter(Validation v, String node) {
        NodeDescriptor d = v.descriptors().get(node);
        return d != null && d.role() == org.anneal.spec.LeakageRole.FIT;
    }

    /** L1/L5 when the wire comes straight from a split: take the other side. */
    private static Optional<QuickFix> swapSplitSide(Finding f, Validation v) {
        if (f.wires().isEmpty()) {
            return Optional.empty();
        }
        Link wire = f.wires().get(0);
        NodeDescriptor from = v.descriptors().get(wire.from().node());
        String port = wire.from().port();
        if (from == null || from.role() != org.anneal.spec.LeakageRole.SPLIT || !(port.equals("train") || port.equals("test"))) {
            return Optional.empty();
        }
        String other = port.equals("train") ? "test" : "train";
        Link fixed = new Link(new PortRef(wire.from().node(), other), wire.to());
        return Optional.of(new QuickFix("Connect '" + wire.to() + "' to '" + fixed.from() + "' instead of '" + wire.from() + "'.",
                w -> replaceLink(w, wire, fixed)));
    }

    /** L1 for a learner trained on the unsplit rows: its table input moves to the training side of the scored split. */
    private static Optional<QuickFix> trainOnTrainSide(Finding f, Validation v) {
        if (f.nodes().size() < 2 || f.wires().isEmpty() || !f.wires().get(0).from().port().equals("test")) {
            return Optional.empty();
        }
        String trainer = f.nodes().get(1);
        String split = f.wires().get(0).from().node();
        NodeDescriptor d = v.descriptors().get(trainer);
        PortRef splitSource = v.wiring().getOrDefault(split, java.util.Map.of()).values().stream().findFirst().orElse(null);
        if (d == null || splitSource == null) {
            return Optional.empty();
        }
        for (InPort<?> p : d.inputs()) {
            PortRef src = v.wiring().getOrDefault(trainer, java.util.Map.of()).get(p.name());
            if (p.isFitting() && p.kind() == DataKind.TABLE && splitSource.equals(src)) {
                Link old = new Link(src, new PortRef(trainer, p.name()));
                Link fixed = new Link(new PortRef(split, "train"), old.to());
                return Optional.of(new QuickFix("Train '" + trainer + "' on '" + split + ":train' instead of all rows.", w -> replaceLink(w, old, fixed)));
            }
        }
        return Optional.empty();
    }

    private static Optional<QuickFix> replaceSplit(Finding f, Workflow w, String type, String text) {
        String id = f.nodes().get(0);
        NodeInstance n = w.node(id).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        ObjectNode params = n.params();
        params.retain("test"); // the held-out fraction means the same in every split
        return Optional.of(new QuickFix(text, wf -> wf.withNode(new NodeInstance(id, type, 1, params, n.position()))));
    }

    /**
     * L2 for the usual shape: a fit/data/out/state node fed by one table and feeding a split's table input.
     * The split moves before it; the node fits on train; an Apply node carries its state to test.
     */
    private static Optional<QuickFix> moveAfterSplit(String id, Validation v) {
        Workflow w = v.source().workflow();
        NodeDescriptor d = v.descriptors().get(id);
        if (d == null) {
            return Optional.empty();
        }
        InPort<?> fit = d.inputs().stream().filter(InPort::isFitting).findFirst().orElse(null);
        InPort<?> data = d.inputs().stream().filter(p -> !p.isFitting() && p.kind() == DataKind.TABLE).findFirst().orElse(null);
        OutPort<?> out = d.outputs().stream().filter(p -> p.kind() == DataKind.TABLE).findFirst().orElse(null);
        OutPort<?> state = d.outputs().stream().filter(p -> p.kind() == DataKind.TRANSFORMER).findFirst().orElse(null);
        if (fit == null || data == null || out == null || state == null) {
            return Optional.empty();
        }
        PortRef source = v.wiring().getOrDefault(id, java.util.Map.of()).get(fit.name());
        List<Link> outLinks = w.links().stream().filter(l -> l.from().equals(new PortRef(id, out.name()))).toList();
        if (source == null || outLinks.size() != 1 || !source.equals(v.wiring().get(id).get(data.name()))) {
            return Optional.empty();
        }
        PortRef splitIn = outLinks.get(0).to();
        NodeDescriptor split = v.descriptors().get(splitIn.node());
        if (split == null || split.role() != org.anneal.spec.LeakageRole.SPLIT) {
            return Optional.empty();
        }
        String s = splitIn.node();
        String applyId = uniqueId(w, id + "_test");
        return Optional.of(new QuickFix("Move '" + id + "' after '" + s + "': fit it on '" + s + ":train' and apply its state to '"
                + s + ":test' with a new node '" + applyId + "'.", wf -> {
            List<Link> links = new ArrayList<>();
            PortRef train = new PortRef(s, "train");
            PortRef test = new PortRef(s, "test");
            for (Link l : wf.links()) {
                if (l.to().node().equals(id) || l.from().equals(new PortRef(id, out.name()))) {
                    continue; // rewired below
                }
                if (l.from().equals(train)) {
                    links.add(new Link(new PortRef(id, out.name()), l.to()));
                } else if (l.from().equals(test)) {
                    links.add(new Link(new PortRef(applyId, "out"), l.to()));
                } else {
                    links.add(l);
                }
            }
            links.add(new Link(source, splitIn));
            links.add(new Link(train, new PortRef(id, fit.name())));
            links.add(new Link(train, new PortRef(id, data.name())));
            links.add(new Link(new PortRef(id, state.name()), new PortRef(applyId, "state")));
            links.add(new Link(test, new PortRef(applyId, "data")));
            NodeInstance n = wf.node(id).orElseThrow();
            NodeInstance.Position pos = n.position() == null ? null : new NodeInstance.Position(n.position().x(), n.position().y() + 160);
            Workflow withApply = wf.withNode(new NodeInstance(applyId, "prepare.apply", 1, null, pos));
            return new Workflow(withApply.meta(), withApply.nodes(), links, withApply.blocks());
        }));
    }

    /** L4: the row-expanding node moves between the split and everything that consumed the training rows. */
    private static Optional<QuickFix> moveOntoTrainBranch(String id, String split, Validation v) {
        Workflow w = v.source().workflow();
        NodeDescriptor d = v.descriptors().get(id);
        if (d == null || d.inputs().size() != 1 || d.outputs().size() != 1) {
            return Optional.empty();
        }
        String in = d.inputs().get(0).name();
        String outPort = d.outputs().get(0).name();
        PortRef source = v.wiring().getOrDefault(id, java.util.Map.of()).get(in);
        List<Link> outLinks = w.links().stream().filter(l -> l.from().equals(new PortRef(id, outPort))).toList();
        if (source == null || outLinks.size() != 1 || !outLinks.get(0).to().node().equals(split)) {
            return Optional.empty();
        }
        PortRef splitIn = outLinks.get(0).to();
        return Optional.of(new QuickFix("Move '" + id + "' onto the training branch: between '" + split + ":train' and its consumers.", wf -> {
            PortRef train = new PortRef(split, "train");
            List<Link> links = new ArrayList<>();
            for (Link l : wf.links()) {
                if (l.to().node().equals(id) || l.from().node().equals(id)) {
                    continue;
                }
                links.add(l.from().equals(train) ? new Link(new PortRef(id, outPort), l.to()) : l);
            }
            links.add(new Link(source, splitIn));
            links.add(new Link(train, new PortRef(id, in)));
            return new Workflow(wf.meta(), wf.nodes(), links, wf.blocks());
        }));
    }

    /**
     * L6 when the chosen-on rows come from a holdout split's test side, directly or through the evaluation nodes
     * that score the candidates: the split becomes a three-way split of the same id, and the choice moves to
     * its validation rows.
     */
    private static Optional<QuickFix> chooseOnValidation(Finding f, Validation v) {
        String chooser = f.nodes().get(0);
        NodeDescriptor cd = v.descriptors().get(chooser);
        List<Link> rewire = new ArrayList<>();
        String split = null;
        for (InPort<?> p : cd.inputs()) {
            PortRef src = v.wiring().getOrDefault(chooser, java.util.Map.of()).get(p.name());
            if (!p.isChoosing() || src == null) {
                continue;
            }
            Link direct = new Link(src, new PortRef(chooser, p.name()));
            NodeDescriptor sd = v.descriptors().get(src.node());
            if (src.port().equals("test") && isHoldout(v, src.node())) {
                rewire.add(direct);
                split = src.node();
            } else if (sd != null && sd.role() == org.anneal.spec.LeakageRole.EVALUATE) {
                for (var e : v.wiring().getOrDefault(src.node(), java.util.Map.of()).entrySet()) {
                    if (e.getValue().port().equals("test") && isHoldout(v, e.getValue().node())) {
                        rewire.add(new Link(e.getValue(), new PortRef(src.node(), e.getKey())));
                        split = e.getValue().node();
                    }
                }
            }
        }
        if (split == null) {
            return Optional.empty();
        }
        String s = split;
        NodeInstance n = v.source().workflow().node(s).orElseThrow();
        return Optional.of(new QuickFix("Make '" + s + "' a Train/validation/test split and compare the candidates on its 'validation' rows.", wf -> {
            double test = n.params().path("test").asDouble(0.2);
            ObjectNode p = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            p.put("validation", test);
            p.put("test", test);
            Workflow out = wf.withNode(new NodeInstance(s, "split.three-way", 1, p, n.position()));
            for (Link l : rewire) {
                out = replaceLink(out, l, new Link(new PortRef(s, "validation"), l.to()));
            }
            return out;
        }));
    }

    private static boolean isHoldout(Validation v, String node) {
        return v.source().workflow().node(node).map(x -> x.type().equals("split.holdout")).orElse(false);
    }

    /** L9: every column declared post-outcome at a CSV source is also ignored there. */
    private static Optional<QuickFix> ignorePostOutcome(Workflow w) {
        List<NodeInstance> sources = w.nodes().stream().filter(n -> n.params().path("postOutcome").size() > 0).toList();
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuickFix("Ignore the post-outcome column(s) at the data source.", wf -> {
            Workflow out = wf;
            for (NodeInstance n : sources) {
                ObjectNode p = n.params();
                var ignore = p.withArray("ignore");
                p.get("postOutcome").forEach(c -> {
                    boolean present = false;
                    for (var e : ignore) {
                        present |= e.asText().equals(c.asText());
                    }
                    if (!present) {
                        ignore.add(c.asText());
                    }
                });
                out = out.withNode(n.withParams(p));
            }
            return out;
        }));
    }

    /** L9 at a source without a postOutcome list (a generator): add its post-outcome columns to its 'ignore'. */
    private static Optional<QuickFix> ignoreAtGenerator(Validation v) {
        for (var e : v.outSpecs().entrySet()) {
            NodeDescriptor d = v.descriptors().get(e.getKey());
            if (d == null || d.role() != org.anneal.spec.LeakageRole.SOURCE || d.param("ignore").isEmpty()) {
                continue;
            }
            for (var spec : e.getValue().asMap().values()) {
                if (spec instanceof org.anneal.spec.TableSpec t) {
                    List<String> post = t.columns().stream().filter(c -> c.role() == org.anneal.spec.ColumnRole.POST_OUTCOME)
                            .map(org.anneal.spec.ColumnSpec::name).toList();
                    if (!post.isEmpty()) {
                        String id = e.getKey();
                        return Optional.of(new QuickFix("Ignore " + post + " at '" + id + "'.", wf -> {
                            NodeInstance n = wf.node(id).orElseThrow();
                            ObjectNode p = n.params();
                            post.forEach(p.withArray("ignore")::add);
                            return wf.withNode(n.withParams(p));
                        }));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String uniqueId(Workflow w, String base) {
        String id = base;
        for (int i = 2; w.node(id).isPresent(); i++) {
            id = base + i;
        }
        return id;
    }

    static Workflow replaceLink(Workflow w, Link old, Link fixed) {
        List<Link> links = new ArrayList<>(w.links());
        links.set(links.indexOf(old), fixed);
        return new Workflow(w.meta(), w.nodes(), links, w.blocks());
    }
}
