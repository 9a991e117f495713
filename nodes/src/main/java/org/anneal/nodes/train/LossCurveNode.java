package org.anneal.nodes.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.TrainingCurve;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.loss-curve", title = "Training loss curve", phase = Phase.EVALUATE, role = LeakageRole.SINK,
        doc = """
                The mean training loss of a gradient-trained model before training (epoch 0) and after every epoch, as a line \
                plot, plus the first and last values as metrics (initial_loss, final_loss, epochs). A curve that still falls \
                at the end wants more epochs; one that jumps about wants a smaller learning rate. Wire up to two more models \
                to `model2` and `model3` to draw their curves on the same axes (to compare optimizers or losses); their last \
                values appear as final_loss_2 and final_loss_3. It shows how well the loss was minimised on the training rows, \
                not how well the model predicts new rows. A network trained with a physics penalty (loss.physics-penalty) gets two                 lines: its data loss and the penalty P (before its weight λ), so you can watch the law being learnt against the                 fit; their first and last values are initial_penalty and final_penalty.""")
public final class LossCurveNode implements Node<LossCurveNode.Params> {

    public record Params() {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class,
            "A model fitted by a gradient-trained learner");
    static final InPort<TrainedModel> MODEL2 = InPort.of("model2", DataKind.MODEL, TrainedModel.class,
            "A second gradient-trained model to compare").optional();
    static final InPort<TrainedModel> MODEL3 = InPort.of("model3", DataKind.MODEL, TrainedModel.class,
            "A third gradient-trained model to compare").optional();
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Training loss per epoch");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "initial_loss, final_loss, epochs");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        for (InPort<TrainedModel> port : List.of(MODEL, MODEL2, MODEL3)) {
            ModelSpec s = in.model(port);
            if (s != null && !s.gradientTrained()) {
                throw ConfigError.atPort(port.name(), "This model was not trained by gradient steps, so it has no loss curve.",
                        "Connect the model of a Fit node whose learner is model.sgd-linear or model.sgd-logistic.");
            }
        }
        return Specs.of(PLOT, ValueSpec.of(DataKind.PLOT, model.lineage()),
                METRICS, ValueSpec.of(DataKind.METRICS, model.lineage()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        List<Plot.Series> series = new ArrayList<>();
        Map<String, Double> m = new LinkedHashMap<>();
        double[] main = curve(in.get(MODEL)).lossPerEpoch();
        m.put("initial_loss", main[0]);
        m.put("final_loss", main[main.length - 1]);
        m.put("epochs", (double) (main.length - 1));
        double[] mainPenalty = curve(in.get(MODEL)).penaltyPerEpoch();
        if (mainPenalty != null) {
            m.put("initial_penalty", mainPenalty[0]);
            m.put("final_penalty", mainPenalty[mainPenalty.length - 1]);
        }
        List<InPort<TrainedModel>> ports = List.of(MODEL, MODEL2, MODEL3);
        String lossName = curve(in.get(MODEL)).lossName();
        for (int i = 0; i < ports.size(); i++) {
            TrainedModel model = in.get(ports.get(i));
            if (model == null) {
                continue;
            }
            double[] loss = curve(model).lossPerEpoch();
            double[] epochs = new double[loss.length];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e;
            }
            // one model: a plain name; several: each named by its learner, so the legend tells the optimizers apart
            boolean several = in.get(MODEL2) != null || in.get(MODEL3) != null;
            double[] penalty = curve(model).penaltyPerEpoch();
            if (penalty == null) {
                series.add(Plot.Series.of(several ? model.describe() : "training loss", epochs, loss));
            } else { // the data loss and the penalty as two lines, one pulling against the other
                series.add(Plot.Series.of(several ? model.describe() + ": data loss" : "data loss", epochs, loss));
                series.add(Plot.Series.of(several ? model.describe() + ": penalty" : "penalty P", java.util.Arrays.copyOf(epochs, penalty.length),
                        penalty));
            }
            if (i > 0) {
                m.put("final_loss_" + (i + 1), loss[loss.length - 1]);
            }
            if (!curve(model).lossName().equals(lossName)) {
                lossName = "several losses";
            }
        }
        Plot plot = Plot.of(Plot.Kind.LINE, "Training loss: " + lossName, "epoch", "mean training loss", series, List.of());
        return Outputs.of(PLOT, plot, METRICS, new Metrics(in.get(MODEL).task(), m, 0));
    }

    private static TrainingCurve curve(TrainedModel model) {
        if (!(model instanceof TrainingCurve curve)) {
            throw new NodeFailure("The model '" + model.describe() + "' kept no training-loss curve.",
                    "Connect the model of a Fit node whose learner is model.sgd-linear or model.sgd-logistic.");
        }
        return curve;
    }
}
