package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/** A fitted GP: predictive mean α·k*, and standard deviation from the Cholesky factor (noise included). */
public record GaussianProcessModel(String describe, String target, List<String> features, GaussianProcessLearner.Kernel kernel, double[][] x, double[] alpha,
                                   DenseMatrix.CholeskyFactorization factor, double lengthScale, double noise, double mean, double scale)
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
            double var = Math.max(0, 1 - quad) + noise; // prior variance 1 (standardized target) minus what the data explain
            out[i] = scale * Math.sqrt(var);
        }
        return out;
    }

    private double[][] cross(Table data) {
        double[][] xs = GaussianProcessLearner.matrix(data, features);
        double[][] d2 = GaussianProcessLearner.squaredDistances(xs, x);
        for (double[] row : d2) {
            for (int j = 0; j < row.length; j++) {
                row[j] = GaussianProcessLearner.kernel(kernel, row[j], lengthScale);
            }
        }
        return d2;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("length_scale", lengthScale);
        m.put("noise_variance (standardized)", noise);
        return m;
    }
}
