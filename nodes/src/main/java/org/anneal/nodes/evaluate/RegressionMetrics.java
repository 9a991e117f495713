package org.anneal.nodes.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;

/** MSE, RMSE, MAE, R² and max error of predictions against true values. */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    public static Metrics of(double[] truth, double[] predicted) {
        int n = truth.length;
        double mean = 0;
        for (double t : truth) {
            mean += t;
        }
        mean /= n;
        double sse = 0;
        double sae = 0;
        double sst = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double e = truth[i] - predicted[i];
            sse += e * e;
            sae += Math.abs(e);
            max = Math.max(max, Math.abs(e));
            double d = truth[i] - mean;
            sst += d * d;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mse", sse / n);
        m.put("rmse", Math.sqrt(sse / n));
        m.put("mae", sae / n);
        // R² is undefined for a constant target; NaN says so rather than inventing a number
        m.put("r2", sst == 0 ? Double.NaN : 1 - sse / sst);
        m.put("max_error", max);
        return new Metrics(Task.REGRESSION, m, n);
    }
}
