package org.anneal.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * Does what a node produced match what its configure promised? Everything downstream (the editor's column pickers,
 * the leakage analysis, the next node's configure) trusts the promise, so a table that differs from it is a bug in
 * the node, found here rather than as a puzzling error three nodes later. Columns the data decides are allowed where
 * configure said so ({@link Specs.RunTimeColumns}).
 */
final class SpecConformance {
    private static final int SHOWN = 6;

    private SpecConformance() {
    }

    /** Each difference as "port out: …"; empty when every produced table keeps the promise. */
    static List<String> differences(Specs promised, Outputs produced) {
        return differences(promised, produced, false);
    }

    /**
     * As {@link #differences(Specs, Outputs)}; with {@code openUpstream} (an input's columns were decided by the data)
     * the column names cannot be checked, only the type and role of every column both sides name.
     */
    static List<String> differences(Specs promised, Outputs produced, boolean openUpstream) {
        List<String> out = new ArrayList<>();
        promised.asMap().forEach((port, spec) -> {
            if (spec instanceof TableSpec ts && produced.get(port) instanceof Table t) {
                out.addAll(openUpstream ? typesAndRoles(port, ts, t.spec(ts.lineage()).columns())
                        : differences(port, ts, t, promised.runTimeColumns(port).orElse(null)));
            }
        });
        return out;
    }

    /** Names (in order), types and roles of one promised table against the table produced on that port. */
    static List<String> differences(String port, TableSpec promised, Table produced, Specs.RunTimeColumns open) {
        List<ColumnSpec> made = produced.spec(promised.lineage()).columns();
        List<String> madeNames = made.stream().map(ColumnSpec::name).toList();
        List<String> names = promised.names();
        boolean namesKept = open == null ? names.equals(madeNames)
                : open == Specs.RunTimeColumns.APPENDED ? madeNames.size() >= names.size() && madeNames.subList(0, names.size()).equals(names)
                : names.stream().filter(madeNames::contains).toList().equals(madeNames);
        if (!namesKept) {
            List<String> extra = madeNames.stream().filter(n -> !names.contains(n)).toList();
            List<String> missing = names.stream().filter(n -> !madeNames.contains(n)).toList();
            return List.of("port " + port + ": " + (extra.isEmpty() && missing.isEmpty() ? "columns in another order than promised " + shown(names)
                    : (extra.isEmpty() ? "" : "columns not promised " + shown(extra)) + (extra.isEmpty() || missing.isEmpty() ? "" : ", ")
                    + (missing.isEmpty() || open == Specs.RunTimeColumns.SUBSET ? "" : "promised columns missing " + shown(missing))));
        }
        return typesAndRoles(port, promised, made);
    }

    private static List<String> typesAndRoles(String port, TableSpec promised, List<ColumnSpec> made) {
        Map<String, ColumnSpec> byName = promised.columns().stream().collect(Collectors.toMap(ColumnSpec::name, Function.identity()));
        List<String> out = new ArrayList<>();
        for (ColumnSpec m : made) {
            ColumnSpec p = byName.get(m.name());
            if (p != null && (p.type() != m.type() || p.role() != m.role())) {
                out.add("port " + port + ": column '" + p.name() + "' is " + m.type() + "/" + m.role() + ", promised " + p.type() + "/" + p.role());
            }
            if (p != null && !java.util.Objects.equals(p.shape(), m.shape())) {
                out.add("port " + port + ": column '" + p.name() + "' has shape " + m.typeLabel() + ", promised " + p.typeLabel());
            }
        }
        return out;
    }

    private static String shown(List<String> names) {
        return names.size() <= SHOWN ? names.toString()
                : names.subList(0, SHOWN).toString().replace("]", ", … " + (names.size() - SHOWN) + " more]");
    }
}
