package org.anneal.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.Link;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;
import org.anneal.spec.Partition;
import org.anneal.spec.Spec;
import org.anneal.spec.SplitStrategy;
import org.anneal.spec.TableSpec;

/**
 * The static leakage analysis: reads the configured graph (node roles, fitting ports, split strategies,
 * lineage and column roles on every wire) and reports evaluations that are not honest, before anything
 * runs. Rules implemented so far: L1 (scored on training rows / no test set), L2 (label-free
 * preprocessing fitted before the split), L5 (test rows used for fitting), L7 (random split of grouped rows),
 * L8 (random split of time-indexed rows, or a window that looks ahead in time), L9 (post-outcome column used as a feature), L3 (supervised
 * preprocessing fitted before the split), L4 (rows multiplied before the split), L6 (test set used to choose), L10 (rows filtered on the test side only); with issue 16, L3/L4/L2 inside
 * cross-validation folds ({@link FoldRules}), L11 tuned on rows later scored and L12 non-nested cross-validation ({@link ChoiceRules}), L13 features chosen on the test rows
 * and L14 one test set, many looks ({@link LookRules}); external test tables and nested holdouts ({@link SourceRules}), L15 a feature
 * computed from the target ({@link ProxyRules}), L16 a declared claim the split does not test ({@link ClaimRules}).
 */
public final class LeakageAnalyzer {

    public List<Finding> analyze(Validation v) {
        CheckBounds.Capped out = new CheckBounds.Capped(); // security (issue 14): findings capped per rule, analysis cancellable
        Set<String> reported = new HashSet<>();
        for (String id : v.order()) {
            CheckBounds.checkInterrupted();
            NodeDescriptor d = v.descriptors().get(id);
            if (d == null || !v.inSpecs().containsKey(id)) {
                continue;
            }
            if (d.role() == LeakageRole.EVALUATE) {
                evaluation(v, id, d, out, reported);
                crossValidation(v, id, d, out, reported);
            }
            String innerFolds = FoldRules.innerFoldTable(v, id, d);
            if (innerFolds != null) {
                FoldRules.check(v, id, innerFolds, false, out, reported);
            }
            fittingOnTest(v, id, d, out);
            TimeOrderRules.futureRows(v, id, out);
            oneSidedFilter(v, id, d, out);
            choosingOnTest(v, id, d, out);
            if (d.role() == LeakageRole.SPLIT) {
                rowsExpandedBeforeSplit(v, id, out);
                groupsAcrossSplit(v, id, d, out);
                TimeOrderRules.timeOrderIgnored(v, id, d, out);
                WindowRules.windowsAcrossTimeSplit(v, id, d, out);
            }
            if (producesModel(d)) {
                postOutcomeFeatures(v, id, d, out);
            }
        }
        LookRules.manyLooks(v, out); // L14
        ProxyRules.derivedFromTarget(v, out); // L15
        ClaimRules.check(v, out); // L16
        return ClaimRules.judge(v, out.finish());
    }

    /** L1, and L2 for preprocessing fitted on all rows that reaches these scored rows. */
    private void evaluation(Validation v, String id, NodeDescriptor d, List<Finding> out, Set<String> reported) {
        Lineage data = null;
        Lineage model = null;
        String dataPort = null;
        String modelPort = null;
        for (InPort<?> p : d.inputs()) {
            Spec s = v.inSpecs().get(id).get(p.name());
            if (s == null) {
                continue;
            }
            if (s instanceof TableSpec) {
                data = s.lineage();
                dataPort = p.name();
            } else if (s.kind() == DataKind.MODEL) {
                model = s.lineage();
                modelPort = p.name();
            }
        }
        if (data == null || model == null) {
            return;
        }
        PortRef trainer = v.wiring().get(id).get(modelPort);
        Link dataWire = new Link(v.wiring().get(id).get(dataPort), new PortRef(id, dataPort));
        Set<Partition> trainedOn = model.fittedOn();
        if (data.partition().side() == Partition.Side.ALL) {
            if (SourceRules.externalTest(v, id, dataWire, trainer.node(), out)) {
                return; // rows from another file are a test set of their own (issue 16, family 4)
            }
            out.add(new Finding("L1", Severity.ERROR, "No held-out test set.",
                    "'" + id + "' scores rows that were never split off, so they include the rows '" + trainer.node()
                            + "' trained on. The score measures memory, not prediction.",
                    "Add a Train/test split after the data source; train on its 'train' output and connect '" + id + ":" + dataPort
                            + "' to its 'test' output.",
                    List.of(id, trainer.node()), List.of(dataWire)));
            return;
        }
        if (trainedOn.contains(data.partition())) {
            out.add(new Finding("L1", Severity.ERROR, "Scored on the training rows.",
                    "'" + id + "' scores the model on " + data.partition() + ", the same rows '" + trainer.node()
                            + "' learnt from. A model always looks better on rows it has seen, so this score says little about new samples.",
                    "Connect '" + id + ":" + dataPort + "' to the test side of the split (prepared the same way as the training rows).",
                    List.of(id, trainer.node()), List.of(dataWire)));
            return;
        }
        String split = data.partition().splitNode();
        if (!split.isEmpty() && learntFromUnsplitRows(v, trainer.node()) && sharesSource(v, trainer.node(), split)) {
            out.add(new Finding("L1", Severity.ERROR, "Trained on all rows, test rows included.",
                    "'" + trainer.node() + "' learnt from the rows before they were split, so the " + data.partition() + " that '" + id
                            + "' scores were part of its training. The score measures memory, not prediction.",
                    "Train on the split's training rows: connect the table input of '" + trainer.node() + "' to '" + split + ":train'.",
                    List.of(id, trainer.node()), List.of(dataWire)));
            return;
        }
        ChoiceRules.tunedOnScoredRows(v, id, data, model, trainer, out, reported);
        LookRules.testChoseTheFeatures(v, id, data, model, out, reported); // L13 (issue 16, family 3)
        if (data.fittedOn().contains(Partition.ALL)) {
            for (String f : fittersOnAllRows(v, id)) {
                boolean supervised = v.descriptors().get(f).usesTarget();
                NodeDescriptor sd = v.descriptors().get(data.partition().splitNode());
                if (!supervised && sd != null && sd.splitStrategy() == SplitStrategy.TIME) {
                    if (reported.add("L2:" + f)) {
                        out.add(new Finding("L8", Severity.WARNING, "Fitted over the whole series before a time split.",
                                "'" + f + "' learns its statistics from the whole series, the later rows that '" + id + "' scores "
                                        + "included, so the training rows are prepared with knowledge of the future (a drift of the "
                                        + "mean, next month's range). The score is optimistic for tomorrow's data.",
                                "Move '" + f + "' after the split: connect its fitting input to the split's 'train' output (the earlier "
                                        + "rows), and apply its state to the 'test' output with an Apply node.",
                                List.of(f, id), List.of()));
                    }
                    continue;
                }
                if (reported.add("L2:" + f)) {
                    out.add(supervised
                            ? new Finding("L3", Severity.ERROR, "Supervised preprocessing fitted before the split.",
                                    "'" + f + "' learns from the target of all rows, test rows included (which features to keep, or "
                                            + "the mean target of each category), so what it learnt about the test targets is built into the "
                                            + "features: features that match them by chance survive, a rare category carries its own answer. "
                                            + "The score of '" + id + "' rewards that.",
                                    "Move '" + f + "' after the split: connect its fitting input to the split's 'train' output, and apply its "
                                            + "state to the 'test' output with an Apply node.",
                                    List.of(f, id), List.of())
                            : new Finding("L2", Severity.WARNING, "Preprocessing fitted before the split.",
                                    "'" + f + "' learns its statistics from all rows, test rows included, and those statistics shape the rows '"
                                            + id + "' scores. The test set is no longer unseen; the score is optimistic.",
                                    "Move '" + f + "' after the split: connect its fitting input to the split's 'train' output, and apply its "
                                            + "state to the 'test' output with an Apply node.",
                                    List.of(f, id), List.of()));
                }
            }
        }
    }

    /** Preprocessing nodes upstream of {@code node} whose fitting input holds unsplit rows. */
    private static List<String> fittersOnAllRows(Validation v, String node) {
        Set<String> upstream = upstreamOf(v, node);
        List<String> out = new ArrayList<>();
        for (String u : v.order()) {
            NodeDescriptor d = v.descriptors().get(u);
            if (!upstream.contains(u) || d == null || d.role() != LeakageRole.FIT || producesModel(d) || !v.inSpecs().containsKey(u)) {
                continue;
            }
            for (InPort<?> p : d.inputs()) {
                Spec s = v.inSpecs().get(u).get(p.name());
                if (p.isFitting() && s != null && s.lineage().partition().side() == Partition.Side.ALL) {
                    out.add(u);
                }
            }
        }
        return out;
    }

    /** L5: rows from a test side on a port the node learns from. */
    private static void fittingOnTest(Validation v, String id, NodeDescriptor d, List<Finding> out) {
        for (InPort<?> p : d.inputs()) {
            Spec s = v.inSpecs().get(id).get(p.name());
            if (!p.isFitting() || s == null || s.lineage().partition().side() != Partition.Side.TEST) {
                continue;
            }
            PortRef from = v.wiring().get(id).get(p.name());
            out.add(new Finding("L5", Severity.ERROR, "Fitted on test rows.",
                    "'" + id + "' learns from " + s.lineage().partition() + " through its '" + p.name() + "' input. Test rows must "
                            + "stay unseen until the final score, or the score is no longer an estimate for new samples.",
                    "Connect '" + id + ":" + p.name() + "' to the 'train' output of '" + s.lineage().partition().splitNode() + "'.",
                    List.of(id), List.of(new Link(from, new PortRef(id, p.name())))));
        }
    }

    /** L4: copies of rows made before the split land on both of its sides. */
    private static void rowsExpandedBeforeSplit(Validation v, String split, List<Finding> out) {
        for (String u : upstreamOf(v, split)) {
            NodeDescriptor d = v.descriptors().get(u);
            if (d != null && d.expandsRows()) {
                out.add(new Finding("L4", Severity.ERROR, "Rows multiplied before the split.",
                        "'" + u + "' adds copies (or near copies) of rows before '" + split + "' divides them, so a row in the test set "
                                + "often has its twin in the training set. The model is tested on rows it has effectively seen.",
                        "Move '" + u + "' after the split, onto the training branch only: connect it to '" + split + ":train'.",
                        List.of(u, split), List.of()));
            }
        }
    }

    /**
     * Cross-validation: folds must respect groups (L7) and time order (L8), and no state may be fitted on the
     * rows before they are divided into folds (L2), because every fold's held-out rows took part in it.
     */
    private static void crossValidation(Validation v, String id, NodeDescriptor d, List<Finding> out, Set<String> reported) {
        org.anneal.spec.FoldStrategy folds = v.outSpecs().get(id).asMap().values().stream()
                .filter(s -> s instanceof org.anneal.spec.CrossValidatedSpec).map(s -> ((org.anneal.spec.CrossValidatedSpec) s).folds())
                .findFirst().orElse(null);
        if (folds == null) {
            return;
        }
        String strategy = folds.key();
        boolean reportsScore = v.outSpecs().get(id).asMap().values().stream()
                .anyMatch(s -> s instanceof org.anneal.spec.CrossValidatedSpec c && c.kind() == DataKind.METRICS);
        for (InPort<?> p : d.inputs()) {
            if (!(v.inSpecs().get(id).get(p.name()) instanceof TableSpec t)) {
                continue;
            }
            if (folds != org.anneal.spec.FoldStrategy.GROUP) {
                t.columns().stream().filter(c -> c.role() == ColumnRole.GROUP).findFirst().ifPresent(c -> out.add(new Finding("L7", Severity.ERROR,
                        "Groups split across folds.", "The rows carry a group column '" + c.name() + "', but '" + id + "' forms folds with the '"
                                + strategy + "' strategy, so rows of one group are both trained on and held out.",
                        "Set the strategy of '" + id + "' to 'group'.", List.of(id), List.of())));
            }
            if (folds != org.anneal.spec.FoldStrategy.GROUP) {
                t.columns().stream().filter(c -> c.role() == ColumnRole.TIME).findFirst().ifPresent(c -> out.add(new Finding("L8", Severity.ERROR,
                        "Time-ordered rows in random folds.", "The rows are indexed by '" + c.name() + "', but the folds of '" + id
                                + "' mix past and future rows.", "Use a Time split and score once on the later rows.", List.of(id), List.of())));
            }
            FoldRules.check(v, id, p.name(), true, out, reported); // L2 / L3 / L4 inside the folds (issue 16)
            if (reportsScore) {
                for (Spec s : v.inSpecs().get(id).asMap().values()) {
                    if (s instanceof org.anneal.spec.LearnerSpec l) {
                        ChoiceRules.nonNested(v, id, l.lineage(), t.lineage().partition(), out, reported); // L12
                    }
                }
            }
        }
    }

    /** L10: rows removed from the test side only; the test set no longer stands for the population the claim is about. */
    private static void oneSidedFilter(Validation v, String id, NodeDescriptor d, List<Finding> out) {
        if (!d.filtersRows()) {
            return;
        }
        for (Spec s : v.inSpecs().get(id).asMap().values()) {
            if (s instanceof TableSpec t && t.lineage().partition().side() == Partition.Side.TEST) {
                out.add(new Finding("L10", Severity.WARNING, "Rows filtered on the test side only.",
                        "'" + id + "' removes rows from " + t.lineage().partition() + " but nothing removes the same kind of rows before the "
                                + "split, so the test set is easier (or just different) than the data the model will meet.",
                        "Filter before the split, so both sides follow the same rule, or report the score only for the filtered population.",
                        List.of(id), List.of()));
            }
        }
    }

    /** L6: test rows decide between candidates (hyperparameters, models, features); one finding per choosing node. */
    private static void choosingOnTest(Validation v, String id, NodeDescriptor d, List<Finding> out) {
        List<Link> wires = new java.util.ArrayList<>();
        Partition test = null;
        for (InPort<?> p : d.inputs()) {
            Spec s = v.inSpecs().get(id).get(p.name());
            if (p.isChoosing() && s != null && s.lineage().partition().side() == Partition.Side.TEST) {
                wires.add(new Link(v.wiring().get(id).get(p.name()), new PortRef(id, p.name())));
                test = s.lineage().partition();
            }
        }
        if (wires.isEmpty() || SourceRules.nestedValidation(v, id, test)) {
            return; // a holdout cut from an outer split's training rows is a validation set (issue 16, family 4)
        }
        out.add(new Finding("L6", Severity.ERROR, "The test set is used to choose.",
                "'" + id + "' picks the best candidate by scores on " + test + ". The choice is then fitted to those rows, so a final "
                        + "score on the same rows is optimistic: the test set is spent.",
                "Use a Train/validation/test split (split.three-way): let '" + id + "' compare candidates on its 'validation' rows "
                        + "and keep 'test' for the one final score.",
                List.of(id), wires));
    }

    /** L7: a random split of rows that belong together. */
    private static void groupsAcrossSplit(Validation v, String id, NodeDescriptor d, List<Finding> out) {
        if (d.splitStrategy() != SplitStrategy.RANDOM) {
            return;
        }
        for (Spec s : v.inSpecs().get(id).asMap().values()) {
            if (!(s instanceof TableSpec t)) {
                continue;
            }
            for (ColumnSpec c : t.columns()) {
                if (c.role() == ColumnRole.GROUP) {
                    out.add(new Finding("L7", Severity.ERROR, "Groups split at random.",
                            "The rows carry a group column '" + c.name() + "' (rows of one specimen, heat or image belong together), but '"
                                    + id + "' assigns single rows at random. Rows of the same group land on both sides, so the model is "
                                    + "tested on groups it has already seen.",
                            "Replace '" + id + "' with a Group split (split.group) on '" + c.name() + "', so that every group is "
                                    + "entirely in train or entirely in test.",
                            List.of(id), List.of()));
                }
            }
        }
    }

    /** L9: a column measured after the outcome reaches a learner as a feature. */
    private static void postOutcomeFeatures(Validation v, String id, NodeDescriptor d, List<Finding> out) {
        for (InPort<?> p : d.inputs()) {
            Spec s = v.inSpecs().get(id).get(p.name());
            if (!p.isFitting() || !(s instanceof TableSpec t)) {
                continue;
            }
            for (ColumnSpec c : t.columns()) {
                if (c.role() == ColumnRole.POST_OUTCOME) {
                    out.add(new Finding("L9", Severity.ERROR, "A post-outcome column is used as a feature.",
                            "'" + c.name() + "' is measured after the outcome '" + t.target().map(ColumnSpec::name).orElse("?")
                                    + "' is known, yet '" + id + "' learns from it. At prediction time it will not exist, and it gives "
                                    + "the answer away during testing.",
                            "List '" + c.name() + "' under 'ignore' at the data source.", List.of(id), List.of()));
                }
            }
        }
    }

    /** A node whose fitting table input holds rows that were never split (not merely transformed with such state). */
    private static boolean learntFromUnsplitRows(Validation v, String node) {
        NodeDescriptor d = v.descriptors().get(node);
        if (d == null || !v.inSpecs().containsKey(node)) {
            return false;
        }
        for (InPort<?> p : d.inputs()) {
            Spec s = v.inSpecs().get(node).get(p.name());
            if (p.isFitting() && s instanceof TableSpec t && t.lineage().partition().side() == Partition.Side.ALL) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rows of {@code a} and {@code b} come (in part) from the same data source. */
    static boolean sharesSource(Validation v, String a, String b) {
        Set<String> fromA = upstreamOf(v, a);
        for (String u : upstreamOf(v, b)) {
            NodeDescriptor d = v.descriptors().get(u);
            if (fromA.contains(u) && d != null && d.role() == LeakageRole.SOURCE) {
                return true;
            }
        }
        return false;
    }

    static boolean producesModel(NodeDescriptor d) {
        return d.outputs().stream().map(OutPort::kind).anyMatch(k -> k == DataKind.MODEL);
    }

    static Set<String> upstreamOf(Validation v, String node) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> stack = new ArrayList<>(List.of(node));
        while (!stack.isEmpty()) {
            String n = stack.remove(stack.size() - 1);
            for (String in : v.inputs().getOrDefault(n, Set.of())) {
                if (seen.add(in)) {
                    stack.add(in);
                }
            }
        }
        return seen;
    }
}
