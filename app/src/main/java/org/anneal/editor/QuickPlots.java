package org.anneal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnRole;

/**
 * The charts a predictions table implies, so a student sees the parity plot or the confusion matrix of
 * any scoring node by clicking its predictions port: parity (true vs predicted, 45° line, a 95 % band when
 * the model reports its sd), residuals (zero line) for regression; the confusion matrix for classes.
 */
public final class QuickPlots {
    private QuickPlots() {
    }

    /** The charts for a table with a target and a prediction column; empty for any other table. */
    public static Map<String, Plot> forPredictions(Table t) {
        Map<String, Plot> out = new LinkedHashMap<>();
        Column target = t.target().orElse(null);
        Column prediction = t.columns().stream().filter(c -> c.role() == ColumnRole.PREDICTION && !c.name().endsWith("_sd")).findFirst().orElse(null);
        if (target == null || prediction == null) {
            return out;
        }
        if (target instanceof NumericColumn y && prediction instanceof NumericColumn p) {
            Optional<Column> sd = t.column(p.name() + "_sd");
            out.put("Parity", parity(y, p, sd.filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).orElse(null)));
            out.put("Residuals", residuals(y, p));
        } else if (target instanceof CategoricalColumn y && prediction instanceof CategoricalColumn p) {
            out.put("Confusion matrix", confusion(y, p));
        }
        return out;
    }

    static Plot parity(NumericColumn y, NumericColumn p, NumericColumn sd) {
        int n = y.size();
        double[] truth = new double[n], pred = new double[n], lo = sd == null ? null : new double[n], hi = sd == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = y.get(i);
            pred[i] = p.get(i);
            if (sd != null) {
                lo[i] = pred[i] - 1.96 * sd.get(i); // a 95 % interval under a normal predictive distribution
                hi[i] = pred[i] + 1.96 * sd.get(i);
            }
        }
        Plot.Series s = new Plot.Series(sd == null ? "rows" : "rows (95 % interval)", truth, pred, lo, hi, null);
        return Plot.of(Plot.Kind.SCATTER, "Parity: " + p.name() + " vs " + y.name(), "true " + y.name(), "predicted " + y.name(),
                List.of(s), List.of(Plot.Guide.identity()));
    }

    static Plot residuals(NumericColumn y, NumericColumn p) {
        int n = y.size();
        double[] pred = new double[n], res = new double[n];
        for (int i = 0; i < n; i++) {
            pred[i] = p.get(i);
            res[i] = y.get(i) - p.get(i);
        }
        return Plot.of(Plot.Kind.SCATTER, "Residuals", "predicted " + y.name(), "true − predicted", List.of(Plot.Series.of("rows", pred, res)),
                List.of(Plot.Guide.zero()));
    }

    /** Rows: true class; columns: predicted class; classes in order of first appearance in either column's levels. */
    static Plot confusion(CategoricalColumn y, CategoricalColumn p) {
        List<String> classes = new ArrayList<>(y.levels());
        p.levels().stream().filter(c -> !classes.contains(c)).forEach(classes::add);
        double[][] counts = new double[classes.size()][classes.size()];
        for (int i = 0; i < y.size(); i++) {
            String t = y.get(i), q = p.get(i);
            if (t != null && q != null) {
                counts[classes.indexOf(t)][classes.indexOf(q)]++;
            }
        }
        return Plot.heatmap("Confusion matrix", "predicted class", "true class", new Plot.Heatmap(classes, classes, counts));
    }
}
