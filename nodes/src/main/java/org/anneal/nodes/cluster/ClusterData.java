package org.anneal.nodes.cluster;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.prepare.FitAndData;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/** Which columns a clustering node reads, and those columns as a row-major matrix. */
final class ClusterData {
    private ClusterData() {
    }

    /** The listed columns (each must be numeric), or every numeric feature when none are listed. */
    static List<String> columns(TableSpec t, List<String> listed, String param, String node) throws ConfigError {
        if (listed.isEmpty()) {
            List<String> all = t.columns().stream().filter(c -> c.role().isUsedAsFeature() && c.isNumeric()).map(ColumnSpec::name).toList();
            if (all.isEmpty()) {
                throw ConfigError.atParam(param, "'" + node + "' found no numeric feature columns to cluster on.",
                        "List the columns in '" + param + "', or check the data source's column roles and types.");
            }
            return all;
        }
        List<String> out = new ArrayList<>();
        for (String name : listed) {
            ColumnSpec c = t.requireColumn(name, param);
            if (!c.isNumeric()) {
                throw ConfigError.atParam(param, "'" + node + "' cannot cluster on column '" + name + "': it holds "
                        + (c.isTensor() ? "a tensor per row" : "categories") + ", not numbers.",
                        "Remove '" + name + "' from '" + param + "', or encode it first (prepare.one-hot).");
            }
            out.add(name);
        }
        return out;
    }

    /** A clustering node's fit and data specs, with the columns it places rows by (checked as {@link #columns}, {@link #requireIn}). */
    static FitAndData fitAndData(Specs in, InPort<Table> fit, InPort<Table> data, List<String> listed, String node) throws ConfigError {
        return FitAndData.of(in, fit, data, f -> columns(f, listed, "columns", node), (d, cols) -> requireIn(d, cols, data.name(), node));
    }

    /** Every column must still be there, numeric, where a fitted clustering is applied. */
    static void requireIn(TableSpec data, List<String> columns, String port, String node) throws ConfigError {
        for (String name : columns) {
            var c = data.column(name);
            if (c.isEmpty() || !c.get().isNumeric()) {
                throw ConfigError.atPort(port, "The table on '" + node + ":" + port + "' lacks the numeric column '" + name
                        + "' that the clusters were fitted on.", "Connect a table with the same columns as the one on 'fit'.");
            }
        }
    }

    /** {@code x[i][j]}: row i, column j. Distances need every value, so a missing one fails naming its column. */
    static double[][] matrix(Table t, List<String> columns, String node) {
        int n = t.rowCount();
        double[][] x = new double[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = t.numeric(columns.get(j));
            if (c.missingCount() > 0) {
                throw new NodeFailure("'" + node + "': column '" + c.name() + "' has " + c.missingCount()
                        + " missing value(s); a row without all its coordinates has no distance to a cluster.",
                        "Impute the column (prepare.impute, fitted on the training rows) or drop those rows first.");
            }
            for (int i = 0; i < n; i++) {
                x[i][j] = c.get(i);
            }
        }
        return x;
    }

    /**
     * The number of distinct rows of {@code x}, capped at {@code cap} (counting stops there). Fewer distinct points
     * than clusters leaves a cluster empty, whose centre is undefined: better a clear message than a cluster of 0 rows.
     */
    static int distinctRows(double[][] x, int cap) {
        java.util.Set<java.util.List<Double>> seen = new java.util.HashSet<>();
        for (double[] row : x) {
            seen.add(java.util.Arrays.stream(row).boxed().toList());
            if (seen.size() >= cap) {
                break;
            }
        }
        return seen.size();
    }

    /** Fails naming the node when the fit rows hold fewer distinct points than the k clusters asked for. */
    static void requireDistinct(double[][] x, int k, String node) {
        int distinct = distinctRows(x, k);
        if (distinct < k) {
            throw new NodeFailure("'" + node + "': the fit rows hold only " + distinct + " distinct point(s), fewer than k = " + k
                    + " clusters, so some cluster would stay empty.", "Lower 'k' to at most " + Math.max(1, distinct)
                    + ", or fit on more varied rows (check the columns used).");
        }
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /** Cluster names c1, c2, …: short, sortable, and not mistaken for a class of the data. */
    static List<String> names(int k) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            out.add("c" + (c + 1));
        }
        return out;
    }
}
