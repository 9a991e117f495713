package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;

/** The features a selection kept; applying it drops every other feature column. */
public record ColumnSelection(List<String> columns, List<String> dropped) implements FittedTransform {
    public ColumnSelection {
        columns = List.copyOf(columns);
        dropped = List.copyOf(dropped);
    }

    @Override
    public String describe() {
        return "Keep " + columns;
    }

    @Override
    public Table apply(Table data) {
        return new Table(data.columns().stream().filter(c -> !dropped.contains(c.name())).toList());
    }
}
