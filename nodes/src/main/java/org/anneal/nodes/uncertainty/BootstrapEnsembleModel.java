package org.anneal.nodes.uncertainty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.Task;

/** A fitted bootstrap ensemble: mean of the members, their spread (plus the out-of-bag noise when asked) as the sd. */
public record BootstrapEnsembleModel(String describe, String target, List<String> features, List<TrainedModel> members, double noiseVariance)
        implements TrainedModel {

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public double[] predict(Table data) {
        double[] mean = new double[data.rowCount()];
        for (TrainedModel m : members) {
            double[] p = m.predict(data);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += p[i] / members.size();
            }
        }
        return mean;
    }

    @Override
    public double[] predictionStd(Table data) {
        int n = data.rowCount();
        double[][] p = new double[members.size()][];
        for (int b = 0; b < p.length; b++) {
            p[b] = members.get(b).predict(data);
        }
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (double[] pb : p) {
                mean += pb[i] / p.length;
            }
            double var = 0;
            for (double[] pb : p) {
                var += (pb[i] - mean) * (pb[i] - mean) / (p.length - 1);
            }
            sd[i] = Math.sqrt(var + noiseVariance);
        }
        return sd;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("members", (double) members.size());
        m.put("out_of_bag_noise_sd", Math.sqrt(noiseVariance));
        return m;
    }
}
