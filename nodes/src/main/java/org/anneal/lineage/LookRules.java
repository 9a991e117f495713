package org.anneal.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.Link;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Partition;
import org.anneal.spec.Spec;
import org.anneal.spec.TableSpec;

/**
 * Issue 16, family 3: one test set, many looks.
 *
 * <p><b>L13 (error): the test rows decided which features are kept.</b> An importance (or any result) measured on the
 * rows a score is later computed on reaches a node that chooses from it (prepare.select-by-importance), and the model
 * scored on those rows was fitted on the choice. The choice travels as {@code chosenOn} in the lineage, so the node that
 * introduced it is found by comparing its inputs with its outputs. An error, because the features that happened to
 * matter on the test rows are built into the model: the test score is optimistic, always, not only by bad luck.
 * Choosing nodes proper (tune, pick-best) are L6's; they are not reported twice.
 *
 * <p><b>L14 (warning): several models scored on one test set, and a choice follows.</b> Comparing a few model families
 * side by side on one test set is how the examples teach (workflows 06, 10, 11, 12, 14, 18 do it), and a warning on each
 * would teach students to ignore warnings; so counting looks alone raises nothing. It warns when the looks form a chain
 * of tries: a model scored on the test rows is upstream of another model scored on the same rows (its result, such as
 * its coefficients or importance, shaped the next fit), so the student is iterating and will keep the better of the two
 * by its test score. A warning, not an error, because nothing test-derived entered a fit; the reported score is the best
 * of several tries, optimistic by an amount that grows with the number of looks, which the finding counts and names.
 */
final class LookRules {
    private LookRules() {
    }

    /** L13 at an evaluation scoring {@code data} with a model of lineage {@code model}. */
    static void testChoseTheFeatures(Validation v, String id, Lineage data, Lineage model, List<Finding> out, Set<String> reported) {
        Partition scored = data.partition();
        if (scored.side() == Partition.Side.ALL || scored.side() == Partition.Side.TRAIN) {
            return;
        }
        Set<Partition> chosen = new LinkedHashSet<>(model.chosenOn());
        chosen.addAll(data.chosenOn());
        for (Partition bad : List.of(scored, Partition.ALL)) {
            if (!chosen.contains(bad)) {
                continue;
            }
            for (String u : LeakageAnalyzer.upstreamOf(v, id)) {
                Link from = introducedOn(v, u, bad);
                if (from == null || (bad.side() == Partition.Side.ALL && !LeakageAnalyzer.sharesSource(v, u, scored.splitNode()))
                        || !reported.add("L13:" + u)) {
                    continue;
                }
                String measured = from.from().node();
                out.add(new Finding("L13", Severity.ERROR, "The test rows decided which features are kept.",
                        "'" + u + "' keeps the features that '" + measured + "' found important on " + bad + ", and the model that '" + id
                                + "' scores on " + scored + " was fitted on that choice. Features that happened to matter on exactly these "
                                + "rows, partly by chance, are built into the model, so its score is optimistic: expect it to drop on new samples.",
                        "Measure the importance on rows that neither fit nor score the model: connect the table input of '" + measured
                                + "' to the 'validation' output of a Train/validation/test split (split.three-way, in place of a plain "
                                + "holdout), so '" + u + "' chooses without the " + scored + ".",
                        List.of(u, measured, id), List.of(from)));
            }
        }
    }

    /**
     * The wire by which {@code node} brings a choice on {@code rows} into the graph: one of its inputs holds those rows,
     * none already carries the choice, and an output does. Null for nodes that do not, and for choosing nodes (L6).
     */
    static Link introducedOn(Validation v, String node, Partition rows) {
        NodeDescriptor d = v.descriptors().get(node);
        if (d == null || !v.inSpecs().containsKey(node) || !v.outSpecs().containsKey(node) || FoldRules.producesLearner(d)
                || d.inputs().stream().anyMatch(InPort::isChoosing)) {
            return null;
        }
        boolean outputCarries = v.outSpecs().get(node).asMap().values().stream().anyMatch(s -> s.lineage().chosenOn().contains(rows));
        Link from = null;
        for (InPort<?> p : d.inputs()) {
            Spec s = v.inSpecs().get(node).get(p.name());
            if (s == null) {
                continue;
            }
            if (s.lineage().chosenOn().contains(rows)) {
                return null;
            }
            PortRef src = v.wiring().getOrDefault(node, Map.of()).get(p.name());
            if (s.lineage().partition().equals(rows) && src != null) {
                from = new Link(src, new PortRef(node, p.name()));
            }
        }
        return outputCarries ? from : null;
    }

    /** L14 over the whole graph: per test set, the models scored on it, and a chain of tries among them. */
    static void manyLooks(Validation v, List<Finding> out) {
        Map<Partition, Map<String, List<String>>> looks = new LinkedHashMap<>(); // test rows -> trainer -> evaluations
        Map<String, Lineage> models = new LinkedHashMap<>();
        for (String id : v.order()) {
            NodeDescriptor d = v.descriptors().get(id);
            if (d == null || d.role() != LeakageRole.EVALUATE || !v.inSpecs().containsKey(id)) {
                continue;
            }
            Partition rows = null;
            String trainer = null;
            for (InPort<?> p : d.inputs()) {
                Spec s = v.inSpecs().get(id).get(p.name());
                PortRef src = v.wiring().getOrDefault(id, Map.of()).get(p.name());
                if (s instanceof TableSpec t) {
                    rows = t.lineage().partition();
                } else if (s != null && s.kind() == DataKind.MODEL && src != null) {
                    trainer = src.node();
                    models.put(trainer, s.lineage());
                }
            }
            if (rows != null && trainer != null && rows.side() == Partition.Side.TEST) {
                looks.computeIfAbsent(rows, k -> new LinkedHashMap<>()).computeIfAbsent(trainer, k -> new ArrayList<>()).add(id);
            }
        }
        for (var e : looks.entrySet()) {
            Partition test = e.getKey();
            Map<String, List<String>> byModel = e.getValue();
            if (byModel.size() < 2) {
                continue;
            }
            for (String later : byModel.keySet()) {
                if (models.get(later).chosenOn().contains(test)) {
                    continue; // the test rows entered the fit: L13, an error, says it
                }
                Set<String> upstream = LeakageAnalyzer.upstreamOf(v, later);
                String earlier = byModel.keySet().stream().filter(upstream::contains).findFirst().orElse(null);
                if (earlier == null) {
                    continue;
                }
                int count = byModel.values().stream().mapToInt(List::size).sum();
                Set<String> nodes = new LinkedHashSet<>(List.of(later, earlier));
                byModel.values().forEach(nodes::addAll);
                out.add(new Finding("L14", Severity.WARNING, "One test set, many looks.",
                        byModel.size() + " models (" + String.join(", ", byModel.keySet().stream().map(m -> "'" + m + "'").toList())
                                + ") are scored on " + test + ", " + count + " looks in all, and they are a chain of tries: '" + later
                                + "' was built from what '" + earlier + "' produced. Keeping whichever scores better on the test rows makes "
                                + "the test set the judge of the choice: its score is the best of several tries, optimistic by more the more "
                                + "models are compared on it.",
                        "Compare '" + earlier + "' and '" + later + "' on validation rows (split.three-way, or evaluate.cross-validate on "
                                + "the training rows) and score only the model you keep on the test rows, once.",
                        List.copyOf(nodes), List.of()));
                break; // one finding per test set
            }
        }
    }

    /**
     * L13's quick fix, for a split with validation rows: the importance is measured on them. A holdout has none, and its
     * training rows are no answer (importance on the rows a model learnt from measures memory, and L1 says so).
     */
    static java.util.Optional<QuickFix> measureOffTheTest(Finding f, Validation v) {
        String measured = f.nodes().size() > 1 ? f.nodes().get(1) : null;
        for (var e : v.wiring().getOrDefault(measured, Map.of()).entrySet()) {
            PortRef src = e.getValue();
            NodeDescriptor split = v.descriptors().get(src.node());
            if (split == null || split.role() != LeakageRole.SPLIT || !src.port().equals("test")
                    || split.outputs().stream().noneMatch(o -> o.name().equals("validation"))) {
                continue;
            }
            String side = "validation";
            Link old = new Link(src, new PortRef(measured, e.getKey()));
            Link fixed = new Link(new PortRef(src.node(), side), old.to());
            return java.util.Optional.of(new QuickFix("Measure the importance of '" + measured + "' on '" + fixed.from() + "' instead of '" + src + "'.",
                    w -> QuickFixes.replaceLink(w, old, fixed)));
        }
        return java.util.Optional.empty();
    }
}
