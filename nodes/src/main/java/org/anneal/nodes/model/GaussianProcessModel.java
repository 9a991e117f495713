package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * A fitted GP: predictive mean α·k*, and standard deviation from the Cholesky factor (noise included).
 *
 * @param ardScales for an ARD kernel the length scale of each feature: {@code x} is then stored divided by them and
 *                  {@code lengthScale} is 1; null for an isotropic kernel
 * @param signal    the prior variance of the standardized target (1 for the isotropic kernels)
 */
public record GaussianProcessModel(String describe, String target, List<String> features, GaussianProcessLearner.Kernel kernel, double[][] x, double[] alpha,
                                   DenseMatrix.CholeskyFactorization factor, double lengthScale, double noise, double mean, double scale,
                                   double[] ardScales, double signal)
        implements TrainedModel {

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public double[] predict(Table data) {
        double[][] k = cross(data);
        double[] out = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            double s = 0;
            for (int j = 0; j < alpha.length; j++) {
                s += k[i][j] * alpha[j];
            }
            out[i] = mean + scale * s;
        }
        return out;
    }

    @Override
    public double[] predictionStd(Table data) {
        double[][] k = cross(data);
        double[] out = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            DenseVector v = factor.solve(DenseVector.createDenseVector(k[i]));
            double quad = 0;
            for (int j = 0; j < k[i].length; j++) {
                quad += k[i][j] * v.get(j);
            }
            double var = Math.max(0, signal - quad) + noise; // prior variance (1 on the standardized target) minus what the data explain
            out[i] = scale * Math.sqrt(var);
        }
        return out;
    }

    private double[][] cross(Table data) {
        double[][] xs = GaussianProcessLearner.matrix(data, features);
        if (ardScales != null) {
            for (double[] row : xs) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= ardScales[j];
                }
            }
        }
        double[][] d2 = GaussianProcessLearner.squaredDistances(xs, x);
        for (double[] row : d2) {
            for (int j = 0; j < row.length; j++) {
                row[j] = signal * GaussianProcessLearner.kernel(kernel, row[j], lengthScale);
            }
        }
        return d2;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (ardScales != null) {
            // a long length scale means the prediction hardly changes along that feature: an irrelevant feature
            for (int j = 0; j < ardScales.length; j++) {
                m.put(lengthScaleName(features.get(j)), ardScales[j]);
            }
            m.put("signal_variance (standardized)", signal);
            m.put("noise_variance (standardized)", noise);
            return m;
        }
        m.put("length_scale", lengthScale);
        m.put("noise_variance (standardized)", noise);
        return m;
    }

    /** The parameter name of a feature's fitted length scale (ARD kernels). */
    public static String lengthScaleName(String feature) {
        return "length_scale " + feature;
    }
}
