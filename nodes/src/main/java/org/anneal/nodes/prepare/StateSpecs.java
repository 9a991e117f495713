package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.DataKind;
import org.anneal.spec.Lineage;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;

/**
 * A TRANSFORMER spec that also says how the state changes a table's columns (which it removes, which it
 * adds or retypes), so that an Apply node can show the same output columns at configure time as the node
 * that fitted the state. Without it, a test branch would still look categorical after an ordinal encoding.
 */
public final class StateSpecs {
    static final String REMOVES = "removes";
    static final String PRODUCES = "produces";
    /** Set (to "subset") on a state that keeps only the columns the data picks, such as a feature selection. */
    static final String KEEPS_SUBSET = "keeps-subset";
    private static final String SEP = "\u001f";
    private static final String FIELD = "\u001e";

    private StateSpecs() {
    }

    /**
     * @param read     the columns the state reads (checked by the Apply node)
     * @param removes  columns it takes out of the table
     * @param produces columns it writes: same name = replaced in place, new name = appended
     */
    public static ValueSpec of(Lineage fitted, List<String> read, List<String> removes, List<ColumnSpec> produces) {
        Map<String, String> facts = new HashMap<>(ScalingSpecs.stateSpec(fitted, read).facts());
        facts.put(REMOVES, String.join(SEP, removes));
        facts.put(PRODUCES, String.join(SEP, produces.stream()
                .map(c -> c.name() + FIELD + c.type().name() + FIELD + c.role().name() + FIELD + c.unit()).toList()));
        return ValueSpec.of(DataKind.TRANSFORMER, Lineage.learntFrom(fitted), facts);
    }

    /** The columns of {@code data} after the state is applied; unchanged when the state does not say. */
    public static TableSpec apply(ValueSpec state, TableSpec data) {
        String removes = state.fact(REMOVES);
        String produces = state.fact(PRODUCES);
        if (removes == null || produces == null) {
            return data;
        }
        List<String> gone = removes.isEmpty() ? List.of() : List.of(removes.split(SEP));
        Map<String, ColumnSpec> made = new LinkedHashMap<>();
        for (String s : produces.isEmpty() ? new String[0] : produces.split(SEP)) {
            String[] f = s.split(FIELD, -1);
            made.put(f[0], new ColumnSpec(f[0], ColumnType.valueOf(f[1]), ColumnRole.valueOf(f[2]), f[3]));
        }
        return data.withColumns(transform(data.columns(), gone, made));
    }

    /** Removes, replaces in place, then appends: the column order every fitted state in this package produces. */
    static List<ColumnSpec> transform(List<ColumnSpec> in, List<String> gone, Map<String, ColumnSpec> made) {
        Map<String, ColumnSpec> rest = new LinkedHashMap<>(made);
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec c : in) {
            if (rest.containsKey(c.name())) {
                out.add(rest.remove(c.name()));
            } else if (!gone.contains(c.name())) {
                out.add(c);
            }
        }
        out.addAll(rest.values());
        return out;
    }
}
