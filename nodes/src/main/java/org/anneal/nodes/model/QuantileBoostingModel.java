package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.anneal.data.Table;
import org.anneal.ml.IntervalModel;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Three boosted quantile models: the median is the prediction, the outer two the interval. Where the fitted quantiles
 * cross (possible, since the three are fitted apart) each row's three values are sorted, which can only bring the
 * estimates closer to the true quantiles (Chernozhukov et al. 2010). The standard deviation reported is the one a
 * normal interval of the same width at the nominal coverage would have, so blocks that read {@code prediction_sd}
 * (evaluate.regression's coverage_95, plot.calibration, evaluate.conformal's model interval) accept the model.
 *
 * @param boosters the α/2, 0.5 and 1 − α/2 models, on the standardized target
 */
public record QuantileBoostingModel(String describe, String target, List<String> features, double intervalCoverage, Booster[] boosters, double mean,
                                    double scale) implements IntervalModel {

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public double[] predict(Table data) {
        return quantiles(data)[1];
    }

    @Override
    public double[][] interval(Table data) {
        double[][] q = quantiles(data);
        return new double[][] {q[0], q[2]};
    }

    @Override
    public double[] predictionStd(Table data) {
        double[][] q = quantiles(data);
        double z = new NormalDistribution().inverseCumulativeProbability((1 + intervalCoverage) / 2);
        double[] sd = new double[q[0].length];
        for (int i = 0; i < sd.length; i++) {
            sd[i] = (q[2][i] - q[0][i]) / (2 * z);
        }
        return sd;
    }

    /** {low, median, high} per row, in the target's units, sorted where they cross. */
    private double[][] quantiles(Table data) {
        int n = data.rowCount();
        double[][] out = new double[3][n];
        if (n == 0) {
            return out;
        }
        try {
            DMatrix m = new DMatrix(rows(data, features), n, features.size(), Float.NaN);
            for (int q = 0; q < 3; q++) {
                float[][] p;
                synchronized (boosters[q]) { // one native booster may be asked by parallel branches
                    p = boosters[q].predict(m);
                }
                for (int i = 0; i < n; i++) {
                    out[q][i] = mean + scale * p[i][0];
                }
            }
            m.dispose();
        } catch (XGBoostError e) {
            throw new NodeFailure("XGBoost could not predict: " + e.getMessage(), "Check the rows for infinite values.");
        }
        for (int i = 0; i < n; i++) {
            double[] v = {out[0][i], out[1][i], out[2][i]};
            java.util.Arrays.sort(v);
            out[0][i] = v[0];
            out[1][i] = v[1];
            out[2][i] = v[2];
        }
        return out;
    }

    /** The feature columns as XGBoost's row-major float matrix. */
    static float[] rows(Table t, List<String> features) {
        int n = t.rowCount();
        int d = features.size();
        float[] x = new float[n * d];
        for (int j = 0; j < d; j++) {
            double[] col = t.numeric(features.get(j)).values();
            for (int i = 0; i < n; i++) {
                x[i * d + j] = (float) col[i];
            }
        }
        return x;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("interval_coverage", intervalCoverage);
        m.put("lower_quantile", (1 - intervalCoverage) / 2);
        m.put("upper_quantile", (1 + intervalCoverage) / 2);
        return m;
    }
}
