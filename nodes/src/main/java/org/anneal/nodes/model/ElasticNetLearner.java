package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.ElasticNetCDTrainer;

/** Tribuo's coordinate-descent elastic net (lasso at l1Ratio = 1). */
public record ElasticNetLearner(double alpha, double l1Ratio, int maxIterations) implements Learner {

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s (Tribuo, alpha = %s, l1Ratio = %s)", l1Ratio == 1 ? "Lasso" : "Elastic net", alpha, l1Ratio);
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        TrainingRows.requireComplete(train, features, target);
        ctx.checkCancelled();
        ElasticNetCDTrainer trainer = new ElasticNetCDTrainer(alpha, l1Ratio, 1e-4, maxIterations, false, ctx.seed());
        Model<Regressor> model = trainer.train(TribuoTables.regression(train, features, target));
        Map<String, Double> tribuo = new LinkedHashMap<>();
        // Tribuo's sparse linear models name their weights per output dimension (the single one here) and leave out
        // the zero weights; list every feature in table order so a lasso shows which weights it set to zero
        model.getTopFeatures(-1).values().stream().findFirst().ifPresent(list ->
                list.forEach(pair -> tribuo.put(pair.getA(), pair.getB())));
        Map<String, Double> params = new LinkedHashMap<>();
        // Tribuo lists no bias among the weights; the intercept is the prediction at the origin
        List<org.anneal.data.Column> origin = new java.util.ArrayList<>();
        for (String f : features) {
            origin.add(new org.anneal.data.NumericColumn(f, org.anneal.spec.ColumnRole.FEATURE, new double[1]));
        }
        params.put("(intercept)", model.predict(TribuoTables.unlabelled(new Table(origin), features)).get(0).getOutput().getValues()[0]);
        for (String f : features) {
            params.put(f, tribuo.getOrDefault(f, 0.0));
        }
        if (features.stream().allMatch(f -> params.get(f) == 0)) {
            // Tribuo 4.3.2 predicts mean + 1 when the penalty zeroes every weight (its bias is then off by one);
            // the exact solution in that case is the training mean, so return that model instead
            double mean = java.util.Arrays.stream(train.numeric(target).values()).average().orElse(0);
            return new LinearModel(describe(), target, features, new double[features.size()], mean);
        }
        return new TribuoRegressionModel(describe(), target, features, model, params);
    }
}
