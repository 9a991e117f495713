package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.PrincipalAxes;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/**
 * What signals.anomaly-score learns from the normal rows: each column's mean and standard deviation, the principal axes of
 * the standardised rows and the score threshold. Applying it scores rows it never learnt from.
 *
 * @param keep      axes that count: all with non-zero variance (distance), or the first k (reconstruction)
 * @param threshold score above which a row is flagged (a quantile of the fit rows' scores)
 */
record AnomalyScoring(List<String> columns, double[] mean, double[] sd, PrincipalAxes axes, int keep, boolean reconstruction,
                      double threshold, String name) implements FittedTransform {

    static AnomalyScoring learn(Table fit, List<String> columns, boolean reconstruction, int components, double quantile, String name,
                                Runnable cancel) {
        int p = columns.size();
        double[] mean = new double[p];
        double[] sd = new double[p];
        List<Column> z = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            NumericColumn c = fit.numeric(columns.get(j));
            double[] v = c.values();
            if (c.missingCount() > 0) {
                throw new NodeFailure("Column '" + c.name() + "' has " + c.missingCount() + " missing value(s) in the fit rows.",
                        "Impute or drop them before scoring anomalies.");
            }
            mean[j] = Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) {
                ss += (x - mean[j]) * (x - mean[j]);
            }
            double s = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
            sd[j] = s > 0 ? s : 1; // a constant column adds nothing while it stays constant, and its change is counted in its own unit
            z.add(new NumericColumn(columns.get(j), ColumnRole.FEATURE, standardised(v, mean[j], sd[j])));
        }
        PrincipalAxes axes = PrincipalAxes.fit(new Table(z), columns, cancel);
        int keep = 0;
        if (reconstruction) {
            keep = Math.min(components, p);
        } else {
            double top = axes.variance().length == 0 ? 0 : axes.variance()[0];
            while (keep < p && axes.variance()[keep] > 1e-12 * Math.max(1, top)) {
                keep++;
            }
        }
        AnomalyScoring unthresholded = new AnomalyScoring(columns, mean, sd, axes, keep, reconstruction, Double.NaN, name);
        double[] s = unthresholded.scores(fit).clone();
        Arrays.sort(s);
        double pos = quantile * (s.length - 1);
        int lo = (int) Math.floor(pos);
        double threshold = lo + 1 < s.length ? s[lo] + (pos - lo) * (s[lo + 1] - s[lo]) : s[lo];
        return new AnomalyScoring(columns, mean, sd, axes, keep, reconstruction, threshold, name);
    }

    private static double[] standardised(double[] v, double mean, double sd) {
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = (v[i] - mean) / sd;
        }
        return z;
    }

    /**
     * Distance: the Mahalanobis distance of the standardised row from the mean, √Σ_k (u·a_k)²/λ_k over the axes a_k with
     * variance λ_k > 0. Reconstruction: the length of what the first k axes leave unexplained, √(‖u‖² − Σ_{k<K} (u·a_k)²).
     * A missing value makes the score missing.
     */
    double[] scores(Table data) {
        int n = data.rowCount();
        int p = columns.size();
        double[][] x = new double[p][];
        for (int j = 0; j < p; j++) {
            x[j] = data.numeric(columns.get(j)).values();
        }
        double[] out = new double[n];
        double[] u = new double[p];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < p; j++) {
                u[j] = (x[j][i] - mean[j]) / sd[j];
                norm += u[j] * u[j];
            }
            double sum = 0;
            for (int k = 0; k < keep; k++) {
                double proj = 0;
                for (int j = 0; j < p; j++) {
                    proj += u[j] * axes.axes()[k][j];
                }
                sum += reconstruction ? proj * proj : proj * proj / axes.variance()[k];
            }
            out[i] = Math.sqrt(Math.max(0, reconstruction ? norm - sum : sum));
        }
        return out;
    }

    @Override
    public String describe() {
        return (reconstruction ? "Reconstruction error with " + keep + " component(s)" : "Distance to normal") + " over " + columns.size()
                + " column(s), flag above " + String.format(java.util.Locale.ROOT, "%.3g", threshold);
    }

    @Override
    public Table apply(Table data) {
        double[] s = scores(data);
        double[] flag = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            flag[i] = Double.isNaN(s[i]) ? Double.NaN : s[i] > threshold ? 1 : 0;
        }
        return data.with(new NumericColumn(name, ColumnRole.FEATURE, s)).with(new NumericColumn(name + "_flag", ColumnRole.FEATURE, flag));
    }
}
