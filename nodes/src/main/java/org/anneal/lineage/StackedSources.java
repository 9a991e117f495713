package org.anneal.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Partition;
import org.anneal.spec.Spec;

/**
 * Issue 16, family 4, at run time: D7, the same material in two stacked sources, then split. A {@code data.stack} before a
 * split whose inputs share values of a key column (a column that names one sample per row in each source: a formula, an
 * id, an element's atomic number) puts the two copies of a material on both sides of a random split. The finding names
 * the key and gives examples. Error above {@code duplicateErrorShare} of the test rows.
 */
final class StackedSources {
    private StackedSources() {
    }

    static void check(Validation v, RunResult r, DynamicChecks.Thresholds th, List<Finding> out) {
        for (String split : v.order()) {
            NodeDescriptor d = v.descriptors().get(split);
            NodeResult nr = r.nodes().get(split);
            if (d == null || d.role() != LeakageRole.SPLIT || nr == null || nr.outputs() == null
                    || !(nr.outputs().get("train") instanceof Table train) || !(nr.outputs().get("test") instanceof Table test)) {
                continue;
            }
            for (String stack : LeakageAnalyzer.upstreamOf(v, split)) {
                if (isStackBeforeSplit(v, stack) && check(v, r, stack, split, train, test, th, out)) {
                    break;
                }
            }
        }
    }

    private static boolean isStackBeforeSplit(Validation v, String node) {
        if (!v.source().workflow().node(node).map(n -> n.type().equals("data.stack")).orElse(false) || !v.outSpecs().containsKey(node)) {
            return false;
        }
        Spec s = v.outSpecs().get(node).asMap().get("out");
        return s != null && s.lineage().partition().side() == Partition.Side.ALL;
    }

    private static boolean check(Validation v, RunResult r, String stack, String split, Table train, Table test, DynamicChecks.Thresholds th,
                                 List<Finding> out) {
        Map<String, Table> inputs = new java.util.LinkedHashMap<>();
        for (var e : v.wiring().getOrDefault(stack, Map.of()).entrySet()) {
            PortRef from = e.getValue();
            NodeResult nr = r.nodes().get(from.node());
            if (nr != null && nr.outputs() != null && nr.outputs().get(from.port()) instanceof Table t) {
                inputs.put(from.node(), t);
            }
        }
        if (inputs.size() < 2) {
            return false;
        }
        Table first = inputs.values().iterator().next();
        for (Column c : first.columns()) {
            if (c.role() == ColumnRole.TARGET || !isKey(c) || train.column(c.name()).isEmpty() || test.column(c.name()).isEmpty()) {
                continue;
            }
            if (!inputs.values().stream().allMatch(t -> t.column(c.name()).map(StackedSources::isKey).orElse(false))) {
                continue;
            }
            Set<String> shared = shared(inputs.values().stream().map(t -> t.column(c.name()).orElseThrow()).toList());
            if (shared.isEmpty()) {
                continue;
            }
            Set<String> inTrain = new HashSet<>(java.util.Arrays.asList(keys(train.column(c.name()).orElseThrow())));
            Column testKey = test.column(c.name()).orElseThrow();
            String[] testKeys = keys(testKey);
            int both = 0;
            List<String> examples = new ArrayList<>();
            for (int i = 0; i < testKey.size(); i++) {
                String k = testKeys[i];
                if (k != null && shared.contains(k) && inTrain.contains(k)) {
                    both++;
                    if (examples.size() < 4 && !examples.contains(testKey.text(i))) {
                        examples.add(testKey.text(i));
                    }
                }
            }
            if (both == 0) {
                continue;
            }
            double share = both / (double) Math.max(1, test.rowCount());
            List<String> names = inputs.keySet().stream().map(n -> "'" + n + "'").toList();
            out.add(new Finding("D7", share > th.duplicateErrorShare() ? Severity.ERROR : Severity.WARNING,
                    "The same materials from two stacked sources on both sides.",
                    String.format(Locale.ROOT, "'%s' stacks %s, which share %d values of the key '%s' (one sample per row in each source). "
                            + "%d of %d test rows of '%s' (%.1f %%) are such a material whose other copy is a training row, e.g. %s. The model "
                            + "is tested on materials it has learnt, so the score is optimistic. Error above %.1f %%.", stack,
                            String.join(" and ", names), shared.size(), c.name(), both, test.rowCount(), split, 100 * share,
                            String.join(", ", examples), 100 * th.duplicateErrorShare()),
                    "Keep each material on one side: declare '" + c.name() + "' as 'group' at the sources and split with a Group split "
                            + "(split.group) after '" + stack + "', or keep one copy per material before stacking (data.aggregate on '"
                            + c.name() + "').",
                    List.of(stack, split), List.of()));
            // the copies are this one leak: D9's twins of the same rows say it again, less precisely
            out.removeIf(f -> f.rule().equals("D9") && f.nodes().equals(List.of(split)));
            return true;
        }
        return false;
    }

    /** A column naming one sample per row: categories, or whole numbers, all different within the table. */
    private static boolean isKey(Column c) {
        if (c instanceof NumericColumn n) {
            for (double x : n.values()) {
                if (!Double.isNaN(x) && x != Math.rint(x)) {
                    return false;
                }
            }
        } else if (!(c instanceof CategoricalColumn)) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        int present = 0;
        for (String k : keys(c)) {
            if (k != null) {
                present++;
                seen.add(k);
            }
        }
        return present >= 3 && seen.size() == present;
    }

    /** Every cell's key (null when missing); a formula by its reduced composition, so "Fe2O3" and "Fe4O6" are one material. */
    private static String[] keys(Column c) {
        boolean formulas = c instanceof CategoricalColumn k && FormulaContent.holdsFormulas(k);
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            if (!c.isMissing(i)) {
                String reduced = formulas ? Formulas.reduced(((CategoricalColumn) c).get(i)) : null;
                out[i] = reduced != null ? reduced : c.text(i);
            }
        }
        return out;
    }

    private static Set<String> shared(List<Column> columns) {
        Map<String, Integer> sources = new HashMap<>();
        for (Column c : columns) {
            Set<String> own = new LinkedHashSet<>();
            for (String k : keys(c)) {
                if (k != null) {
                    own.add(k);
                }
            }
            own.forEach(k -> sources.merge(k, 1, Integer::sum));
        }
        Set<String> out = new HashSet<>();
        sources.forEach((k, n) -> {
            if (n > 1) {
                out.add(k);
            }
        });
        return out;
    }
}
