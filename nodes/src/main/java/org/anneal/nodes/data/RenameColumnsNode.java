package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "data.rename", title = "Rename columns", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Renames columns, each entry written `old -> new` (for example `T_m -> melting point`). Renames happen \
                together, so `a -> b` and `b -> a` swap two columns. A new name that another column already has, two columns \
                given the same new name, or an old name that does not exist is an error. Values, roles and units are \
                unchanged.""")
public final class RenameColumnsNode implements Node<RenameColumnsNode.Params> {
    static final String ARROW = "->";

    public record Params(
            @Param(doc = "Entries 'old -> new'", required = true) List<String> mapping) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows whose columns to rename");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows under the new names");

    /** The renaming configure checked (old name → new name), for execute. */
    record Renames(Map<String, String> mapping) {
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        Map<String, String> m = mapping(t, p);
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            cols.add(c.renamed(m.getOrDefault(c.name(), c.name())));
        }
        return Specs.of(OUT, t.withColumns(cols)).withPlan(new Renames(m));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        Map<String, String> m = in.plan(Renames.class, this, p, ctx).mapping();
        List<Column> cols = t.columns().stream().map(c -> m.containsKey(c.name()) ? c.renamed(m.get(c.name())) : c).toList();
        return Outputs.of(OUT, new Table(cols));
    }

    /** old name to new name, after every check that the result has unique, non-empty names. */
    static Map<String, String> mapping(TableSpec t, Params p) throws ConfigError {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : p.mapping()) {
            int arrow = entry.indexOf(ARROW);
            String from = arrow < 0 ? "" : entry.substring(0, arrow).strip();
            String to = arrow < 0 ? "" : entry.substring(arrow + ARROW.length()).strip();
            if (from.isEmpty() || to.isEmpty()) {
                throw ConfigError.atParam("mapping", "The entry '" + entry + "' is not of the form 'old -> new'.",
                        "Write each entry as the old name, an arrow '->' and the new name, e.g. 'T_m -> melting point'.");
            }
            t.requireColumn(from, "mapping");
            if (m.put(from, to) != null) {
                throw ConfigError.atParam("mapping", "Column '" + from + "' is renamed twice.", "Keep one entry for '" + from + "'.");
            }
        }
        Set<String> result = new HashSet<>();
        for (ColumnSpec c : t.columns()) {
            String name = m.getOrDefault(c.name(), c.name());
            if (!result.add(name)) {
                boolean clashWithKept = !m.containsKey(name) && t.column(name).isPresent();
                throw ConfigError.atParam("mapping", "After renaming, two columns would be called '" + name + "'"
                                + (clashWithKept ? " (a column of that name already exists)." : "."),
                        clashWithKept ? "Choose another new name, or rename or drop the existing '" + name + "' as well."
                                : "Give each column its own new name.");
            }
        }
        return m;
    }
}
