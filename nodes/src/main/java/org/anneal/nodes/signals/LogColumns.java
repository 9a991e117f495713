package org.anneal.nodes.signals;

import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.TableSpec;

/** The four columns of a long-format process log (time, channel, value and the run id, null for one run), as configure checked them. */
record LogColumns(NumericColumn time, CategoricalColumn channel, NumericColumn value, CategoricalColumn run) {

    static LogColumns of(Table log, String time, String channel, String value, String run) {
        return new LogColumns(log.numeric(time), (CategoricalColumn) log.column(channel).orElseThrow(), log.numeric(value),
                run.isEmpty() ? null : (CategoricalColumn) log.column(run).orElseThrow());
    }

    /** The column named for {@code param}, which must hold numbers or categories. */
    static ColumnSpec require(TableSpec t, String name, String param, boolean numeric) throws ConfigError {
        ColumnSpec c = t.requireColumn(name, param);
        if (numeric ? !c.isNumeric() : !c.isCategorical()) {
            throw ConfigError.atParam(param, "Column '" + name + "' must hold " + (numeric ? "numbers" : "categories (names)") + ".",
                    "Choose the log's " + param + " column.");
        }
        return c;
    }
}
