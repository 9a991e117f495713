package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.OutPort;
import org.anneal.spec.Specs;

/**
 * Replaces each numeric column x by basis functions of it, f_0(x) ... f_{k-1}(x), named {@code x_<suffix>0} and so
 * on: a linear model on them fits a smooth curve in x. Subclasses say what the functions are; this class does
 * the table plumbing shared by the spline and RBF nodes.
 */
abstract class BasisExpansion implements FittedTransform {
    private final List<String> columns;
    private final boolean keepOriginal;

    BasisExpansion(List<String> columns, boolean keepOriginal) {
        this.columns = List.copyOf(columns);
        this.keepOriginal = keepOriginal;
    }

    @Override
    public final List<String> columns() {
        return columns;
    }

    /** Short name used in the new columns' names: "bs", "rbf". */
    abstract String suffix();

    /** Number of basis functions for the j-th column. */
    abstract int size(int j);

    /** Writes f_0(x) ... into {@code out} for the j-th column; x is never NaN. */
    abstract void evaluate(int j, double x, double[] out);

    static String name(String column, String suffix, int k) {
        return column + "_" + suffix + k;
    }

    /**
     * Configure of a basis node: on {@code out} the basis columns are appended and the originals dropped unless kept;
     * {@code state} makes them. A basis column that the data rows already have fails at {@code dataPort}.
     */
    static Specs specs(FitAndData fd, String suffix, int perColumn, boolean keepOriginal, OutPort<Table> out,
                       OutPort<FittedTransform> state, String dataPort) throws ConfigError {
        for (String c : fd.columns()) {
            if (fd.data().column(name(c, suffix, 0)).isPresent()) {
                throw ConfigError.atPort(dataPort, "The table already has a column '" + name(c, suffix, 0) + "'.",
                        "Rename it, or expand each column only once.");
            }
        }
        List<ColumnSpec> basis = List.copyOf(made(fd.columns(), suffix, perColumn).values());
        return fd.planned(fd.outputs(out, state, fd.state(keepOriginal ? List.of() : fd.columns(), basis)));
    }

    static Map<String, ColumnSpec> made(List<String> columns, String suffix, int perColumn) {
        Map<String, ColumnSpec> m = new LinkedHashMap<>();
        for (String c : columns) {
            for (int k = 0; k < perColumn; k++) {
                m.put(name(c, suffix, k), new ColumnSpec(name(c, suffix, k), ColumnType.NUMERIC, ColumnRole.FEATURE));
            }
        }
        return m;
    }

    @Override
    public final Table apply(Table data) {
        List<Column> made = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            double[] x = data.numeric(columns.get(j)).values();
            int k = size(j);
            double[][] v = new double[k][x.length];
            double[] row = new double[k];
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i])) {
                    for (int b = 0; b < k; b++) {
                        v[b][i] = Double.NaN;
                    }
                    continue;
                }
                evaluate(j, x[i], row);
                for (int b = 0; b < k; b++) {
                    v[b][i] = row[b];
                }
            }
            for (int b = 0; b < k; b++) {
                made.add(new NumericColumn(name(columns.get(j), suffix(), b), ColumnRole.FEATURE, v[b]));
            }
        }
        return TableEdits.apply(data, keepOriginal ? List.of() : columns, made);
    }
}
