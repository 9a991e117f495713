package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.Table;

/** The run-time twin of {@link StateSpecs#transform}: removes, replaces in place, then appends. */
public final class TableEdits {
    private TableEdits() {
    }

    public static Table apply(Table in, List<String> gone, List<Column> made) {
        Map<String, Column> rest = new LinkedHashMap<>();
        for (Column c : made) {
            rest.put(c.name(), c);
        }
        List<Column> out = new ArrayList<>();
        for (Column c : in.columns()) {
            if (rest.containsKey(c.name())) {
                out.add(rest.remove(c.name()));
            } else if (!gone.contains(c.name())) {
                out.add(c);
            }
        }
        out.addAll(rest.values());
        return new Table(out);
    }
}
