package org.anneal.nodes.split;

import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/** The output specs every two-way split shares: the same columns, lineage marked train or test of this split. */
final class SplitSpecs {
    private SplitSpecs() {
    }

    static Specs trainAndTest(TableSpec t, String splitNode) {
        return Specs.builder()
                .put("train", side(t, splitNode, Partition.Side.TRAIN))
                .put("test", side(t, splitNode, Partition.Side.TEST)).build();
    }

    /**
     * The column declared as {@code what} ("group", "time") at the data source, which a split by it needs; a table without
     * one, or one holding a tensor per row ({@code tensorProblem}: why that cannot work), fails at 'table'.
     */
    static ColumnSpec declared(TableSpec t, ColumnRole role, String what, String declareFix, String tensorProblem, String tensorFix)
            throws ConfigError {
        ColumnSpec c = t.columns().stream().filter(s -> s.role() == role).findFirst()
                .orElseThrow(() -> ConfigError.atPort("table", "The table has no " + what + " column.", declareFix));
        if (c.isTensor()) {
            throw ConfigError.atPort("table", "The " + what + " column '" + c.name() + "' holds a tensor per row, " + tensorProblem + ".", tensorFix);
        }
        return c;
    }

    static TableSpec side(TableSpec t, String splitNode, Partition.Side side) {
        return t.withLineage(t.lineage().withPartition(Partition.of(splitNode, side)));
    }
}
