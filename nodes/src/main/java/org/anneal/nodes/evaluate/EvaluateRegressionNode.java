package org.anneal.nodes.evaluate;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.regression", title = "Regression metrics", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE, usesSeed = false,
        doc = """
                Predicts the `data` rows with the model and scores the predictions against the true target: mean squared error \
                (MSE), its root (RMSE), mean absolute error (MAE), the coefficient of determination R² (1 - SSE/SST, about \
                the mean of these rows) and the largest absolute error. Score on rows the model never saw (the test side of a \
                split) for an honest estimate.""")
public final class EvaluateRegressionNode implements Node<EvaluateRegressionNode.Params> {

    public record Params(
            @Param(doc = "Name of the prediction column added to the predictions table", def = "\"prediction\"") String predictionColumn) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted regression model");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to score, with the target column");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "MSE, RMSE, MAE, R², max error");
    static final OutPort<Table> PREDICTIONS = OutPort.of("predictions", DataKind.PREDICTIONS, Table.class,
            "The scored rows with a prediction column (for parity and residual plots)");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec preds = ScoringSpecs.predictions(in.model(MODEL), in.table(DATA), Task.REGRESSION, p.predictionColumn());
        ValueSpec metrics = ValueSpec.of(DataKind.METRICS, preds.lineage()); // the scored rows, fitted with the model
        // a model that knows its uncertainty (a Gaussian process) adds prediction_sd; only the fitted model says so
        return Specs.of(METRICS, metrics, PREDICTIONS, preds).withRunTimeColumns(PREDICTIONS, Specs.RunTimeColumns.APPENDED);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        if (data.rowCount() == 0) {
            throw new NodeFailure("There are no rows to score.", "Check the split and any filters upstream.");
        }
        NumericColumn truth = data.numeric(model.target());
        if (truth.missingCount() > 0) {
            throw new NodeFailure(truth.missingCount() + " scored row(s) have no value in '" + model.target() + "'.",
                    "Drop rows with a missing target before the split.");
        }
        List<String> missing = model.featuresMissingIn(data);
        if (!missing.isEmpty()) {
            throw new NodeFailure("Feature '" + missing.get(0) + "' has missing values in the scored rows.",
                    "Fill or drop missing values before scoring, or put pipeline.impute in front of the learner.");
        }
        double[] predicted = model.predict(data);
        Metrics m = RegressionMetrics.of(truth.values(), predicted);
        Table preds = data.with(new NumericColumn(p.predictionColumn(), ColumnRole.PREDICTION, predicted));
        double[] sd = model.predictionStd(data);
        if (sd != null) {
            // calibration of the uncertainty: how often the truth falls inside the 95 % interval
            int inside = 0;
            for (int i = 0; i < sd.length; i++) {
                inside += Math.abs(truth.values()[i] - predicted[i]) <= 1.96 * sd[i] ? 1 : 0;
            }
            var values = new java.util.LinkedHashMap<>(m.values());
            values.put("coverage_95", inside / (double) sd.length);
            values.put("mean_sd", java.util.Arrays.stream(sd).average().orElse(Double.NaN));
            m = new Metrics(m.task(), values, m.rows());
            preds = preds.with(new NumericColumn(p.predictionColumn() + "_sd", ColumnRole.PREDICTION, sd));
        }
        return Outputs.of(METRICS, m, PREDICTIONS, preds);
    }
}
