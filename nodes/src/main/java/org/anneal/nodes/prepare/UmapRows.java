package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.TableSpec;

/** What UMAP measures distances on: numeric columns, or one tensor column (a spectrum per row) alone; and those values as rows. */
final class UmapRows {
    private UmapRows() {
    }

    /** The listed columns, or by default the one tensor feature (a spectrum library), else every numeric feature. */
    static List<String> columns(TableSpec t, List<String> listed) throws ConfigError {
        if (listed.isEmpty()) {
            List<ColumnSpec> tensors = t.features().stream().filter(ColumnSpec::isTensor).toList();
            if (tensors.size() == 1) {
                return List.of(tensors.get(0).name());
            }
            List<String> numeric = t.features().stream().filter(ColumnSpec::isNumeric).map(ColumnSpec::name).toList();
            if (numeric.isEmpty()) {
                throw ConfigError.atParam("columns", tensors.size() > 1 ? "The table has " + tensors.size() + " tensor feature columns; which one?"
                        : "The table has no numeric feature columns and no spectrum to map.",
                        tensors.size() > 1 ? "Name one in 'columns'." : "Check the column roles at the data source, or name columns in 'columns'.");
            }
            return numeric;
        }
        List<String> out = new ArrayList<>();
        for (String name : listed) {
            ColumnSpec c = t.requireColumn(name, "columns");
            if (c.isTensor() ? listed.size() > 1 : !c.isNumeric()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds " + (c.isTensor() ? c.shape().describe()
                        + " tensors, which cannot be mixed with other columns" : "categories, not numbers") + "; UMAP measures distances on numbers.",
                        c.isTensor() ? "Map the tensor column alone, or the numeric columns without it." : "Leave it out, or encode it first (prepare.one-hot).");
            }
            out.add(name);
        }
        return out;
    }

    /** {@code x[i]} = row i's values in {@code columns}; a missing or non-finite value fails naming its column and row. */
    static float[][] matrix(Table t, List<String> columns) {
        int n = t.rowCount();
        Column first = t.column(columns.get(0)).orElseThrow();
        if (first instanceof TensorColumn tc) {
            float[][] x = new float[n][];
            for (int i = 0; i < n; i++) {
                if (tc.isMissing(i)) {
                    throw missing(tc.name(), i, "has no tensor");
                }
                x[i] = tc.get(i);
                for (float v : x[i]) {
                    if (!Float.isFinite(v)) {
                        throw missing(tc.name(), i, "holds a value " + v);
                    }
                }
            }
            return x;
        }
        float[][] x = new float[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = t.numeric(columns.get(j));
            for (int i = 0; i < n; i++) {
                double v = c.get(i);
                if (!Double.isFinite(v)) {
                    throw missing(c.name(), i, c.isMissing(i) ? "has a missing value" : "holds " + v);
                }
                x[i][j] = (float) v;
            }
        }
        return x;
    }

    private static NodeFailure missing(String column, int row, String what) {
        return new NodeFailure("Column '" + column + "' " + what + " in row " + (row + 1) + "; UMAP needs every value to measure distances.",
                "Impute the column (prepare.impute), drop those rows (prepare.drop-missing), or leave the column out.");
    }
}
