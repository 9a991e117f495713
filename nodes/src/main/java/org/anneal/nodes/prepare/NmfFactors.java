package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/**
 * Non-negative matrix factorisation X ≈ W·H by Lee and Seung's multiplicative updates for the squared (Frobenius)
 * error, written out here: neither Tribuo nor the DL4J modules on the classpath have NMF. H (components × columns)
 * is what is learnt; the weights W of a row are found with H held fixed, by the same updates on that row alone, so
 * applying the state to other rows learns nothing from them and treats each row on its own.
 *
 * <p>Each component is scaled to unit length (its weights take the scale), and components are ordered by their total
 * weight on the fit rows, so that the first one explains the most.
 *
 * @param h {@code h[c][j]}: weight of column j in component c
 */
record NmfFactors(List<String> columns, double[][] h, int iterations, double fitError) implements FittedTransform {
    private static final double EPS = 1e-12;

    static String weightName(int c) {
        return "nmf" + (c + 1);
    }

    /** Learns H and returns it with the relative error ‖X − WH‖ / ‖X‖ reached on the fit rows. */
    static NmfFactors fit(double[][] x, List<String> columns, int r, int iterations, double tol, long seed, Runnable checkCancelled) {
        int n = x.length;
        int p = columns.size();
        double scale = Math.sqrt(mean(x) / r);
        SplittableRandom rnd = new SplittableRandom(seed);
        // random start scaled like the data (scikit-learn's 'random' init): all-equal factors would stay equal forever
        double[][] w = new double[n][r];
        double[][] h = new double[r][p];
        for (double[] row : w) {
            for (int c = 0; c < r; c++) {
                row[c] = scale * rnd.nextDouble();
            }
        }
        for (double[] row : h) {
            for (int j = 0; j < p; j++) {
                row[j] = scale * rnd.nextDouble();
            }
        }
        double norm = Math.sqrt(Arrays.stream(x).flatMapToDouble(Arrays::stream).map(v -> v * v).sum());
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it < iterations; it++) {
            checkCancelled.run();
            updateH(x, w, h);
            updateW(x, w, h);
            if (it % 10 == 9) {
                double err = error(x, w, h) / Math.max(norm, EPS);
                if (previous - err < tol * Math.max(previous, EPS)) {
                    break;
                }
                previous = err;
            }
        }
        // unit-length components, weights carrying the scale
        for (int c = 0; c < r; c++) {
            double len = Math.sqrt(Arrays.stream(h[c]).map(v -> v * v).sum());
            if (len > 0) {
                for (int j = 0; j < p; j++) {
                    h[c][j] /= len;
                }
                for (double[] row : w) {
                    row[c] *= len;
                }
            }
        }
        double[] total = new double[r];
        for (double[] row : w) {
            for (int c = 0; c < r; c++) {
                total[c] += row[c];
            }
        }
        Integer[] order = IntStream.range(0, r).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -total[c]).thenComparing(c -> h[c], Arrays::compare));
        double[][] sorted = Arrays.stream(order).map(c -> h[c]).toArray(double[][]::new);
        double[][] sortedW = new double[n][r];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < r; c++) {
                sortedW[i][c] = w[i][order[c]];
            }
        }
        return new NmfFactors(columns, sorted, iterations, error(x, sortedW, sorted) / Math.max(norm, EPS));
    }

    /** The weights of each row with H fixed: W ← W ∘ XHᵀ / (WHHᵀ), from an even start. */
    double[][] weights(double[][] x) {
        int r = h.length;
        double[][] w = new double[x.length][r];
        for (double[] row : w) {
            Arrays.fill(row, 1.0);
        }
        for (int it = 0; it < iterations; it++) {
            updateW(x, w, h);
        }
        return w;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "NMF of %d column(s) into %d component(s), relative error %.3g on the fit rows",
                columns.size(), h.length, fitError);
    }

    @Override
    public Table apply(Table data) {
        double[][] w = weights(matrix(data, columns));
        List<Column> made = new ArrayList<>();
        for (int c = 0; c < h.length; c++) {
            double[] v = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                v[i] = w[i][c];
            }
            made.add(new NumericColumn(weightName(c), ColumnRole.FEATURE, v));
        }
        return TableEdits.apply(data, columns, made);
    }

    /** Row-major values; NMF is defined for non-negative data only, so a negative or missing value fails naming its column. */
    static double[][] matrix(Table t, List<String> columns) {
        double[][] x = new double[t.rowCount()][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = t.numeric(columns.get(j));
            long negative = 0;
            double smallest = 0;
            for (int i = 0; i < x.length; i++) {
                double v = c.get(i);
                if (Double.isNaN(v)) {
                    throw new NodeFailure("Column '" + c.name() + "' has missing values; NMF needs every value.",
                            "Impute the column (prepare.impute, fitted on the training rows) before NMF.");
                }
                if (v < 0) {
                    negative++;
                    smallest = Math.min(smallest, v);
                }
                x[i][j] = v;
            }
            if (negative > 0) {
                throw new NodeFailure("Column '" + c.name() + "' has " + negative + " negative value(s) (smallest " + smallest
                        + "); NMF splits rows into non-negative parts and cannot represent them.",
                        "Feed the raw non-negative values (intensities, fractions), or rescale with prepare.minmax; standardized columns are negative half the time.");
            }
        }
        return x;
    }

    private static void updateH(double[][] x, double[][] w, double[][] h) {
        int r = h.length;
        int p = h[0].length;
        double[][] wtx = new double[r][p];
        double[][] wtw = new double[r][r];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < r; a++) {
                for (int j = 0; j < p; j++) {
                    wtx[a][j] += w[i][a] * x[i][j];
                }
                for (int b = 0; b < r; b++) {
                    wtw[a][b] += w[i][a] * w[i][b];
                }
            }
        }
        for (int a = 0; a < r; a++) {
            for (int j = 0; j < p; j++) {
                double den = 0;
                for (int b = 0; b < r; b++) {
                    den += wtw[a][b] * h[b][j];
                }
                h[a][j] *= wtx[a][j] / (den + EPS);
            }
        }
    }

    private static void updateW(double[][] x, double[][] w, double[][] h) {
        int r = h.length;
        int p = h[0].length;
        double[][] hht = new double[r][r];
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                for (int j = 0; j < p; j++) {
                    hht[a][b] += h[a][j] * h[b][j];
                }
            }
        }
        double[] xht = new double[r];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < r; a++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += x[i][j] * h[a][j];
                }
                xht[a] = s;
            }
            double[] old = w[i].clone();
            for (int a = 0; a < r; a++) {
                double den = 0;
                for (int b = 0; b < r; b++) {
                    den += old[b] * hht[b][a];
                }
                w[i][a] = old[a] * xht[a] / (den + EPS);
            }
        }
    }

    static double error(double[][] x, double[][] w, double[][] h) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double v = x[i][j];
                for (int c = 0; c < h.length; c++) {
                    v -= w[i][c] * h[c][j];
                }
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    private static double mean(double[][] x) {
        return Arrays.stream(x).flatMapToDouble(Arrays::stream).average().orElse(0);
    }
}
