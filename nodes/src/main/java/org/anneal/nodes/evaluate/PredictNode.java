package org.anneal.nodes.evaluate;

import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
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

// APPLY, not EVALUATE: predictions are no score, and predicting the training rows (for a training-set parity
// plot, say) is legitimate; the metrics nodes are where an honest score is checked.
@NodeType(id = "evaluate.predict", title = "Predict", phase = Phase.EVALUATE, role = LeakageRole.APPLY,
        doc = """
                Applies a fitted model to the `data` rows and appends its predictions: a `prediction` column (the value, or \
                the predicted class), `prediction_sd` for models that know their uncertainty (Gaussian process: the predictive \
                standard deviation) and, for classifiers that give probabilities, one column `p_<class>` per class. The rows \
                need the model's features but not the target, so new, unlabelled samples can be predicted. Feed the output to \
                the plot nodes.""")
public final class PredictNode implements Node<PredictNode.Params> {

    public record Params(
            @Param(doc = "Name of the prediction column; the standard deviation goes to `<name>_sd`", def = "\"prediction\"") String predictionColumn) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted model");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to predict, with the model's feature columns");
    static final OutPort<Table> PREDICTIONS = OutPort.of("predictions", DataKind.PREDICTIONS, Table.class,
            "The rows with prediction (and standard deviation or class probability) columns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        return Specs.of(PREDICTIONS, ScoringSpecs.predicted(in.model(MODEL), in.table(DATA), p.predictionColumn()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table data = in.get(DATA);
        if (data.rowCount() == 0) {
            throw new NodeFailure("There are no rows to predict.", "Check the split and any filters upstream.");
        }
        return Outputs.of(PREDICTIONS, Predictions.of(in.get(MODEL), data, p.predictionColumn()));
    }
}
