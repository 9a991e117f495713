package org.anneal.nodes.cluster;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.nodes.prepare.TableEdits;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;

/**
 * The column a clustering adds: categorical, levels c1…ck, role feature (cluster membership may be used as a
 * feature downstream, and a plot can colour by it). A column of the same name is replaced in place.
 */
final class ClusterColumn {
    private ClusterColumn() {
    }

    static ColumnSpec spec(String name) {
        return new ColumnSpec(name, ColumnType.CATEGORICAL, ColumnRole.FEATURE);
    }

    static Table add(Table data, String name, int[] cluster, int k, List<Column> more) {
        List<Column> made = new java.util.ArrayList<>();
        made.add(new CategoricalColumn(name, ColumnRole.FEATURE, cluster, ClusterData.names(k)));
        made.addAll(more);
        return TableEdits.apply(data, List.of(), made);
    }
}
