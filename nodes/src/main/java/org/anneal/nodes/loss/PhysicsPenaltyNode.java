package org.anneal.nodes.loss;

import org.anneal.ml.loss.Loss;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.LossSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;

@NodeType(id = "loss.physics-penalty", title = "Physics penalty", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Adds a physics penalty to a network's data loss: loss = data loss + λ·penalty, where the penalty is zero while \
                the predictions ŷ obey the law and grows with the square of the violation: `non-negative` (a concentration, a \
                thickness: max(0, −ŷ)²), `bounds` (a fraction in [low, high]: max(0, low − ŷ)² + max(0, ŷ − high)²), \
                `sum-to-one` (phase fractions over the outputs: (Σŷ − 1)²). Wire the data loss (squared, absolute or Huber; \
                squared when unwired) into `dataLoss` and this block's output to the loss input of model.network or of its Fit \
                node. The penalty acts on the rows the network trains on, so it pulls predictions there towards the law; it \
                is soft (larger λ pulls harder) and does not guarantee the law elsewhere. For neural networks only; the linear \
                SGD models refuse it. Monotonicity in an input and a known asymptote are not offered: a loss sees only the \
                predictions and the targets (Deeplearning4j never hands its loss functions the inputs), so it cannot form the \
                difference ŷ(x + h) − ŷ(x) such a penalty needs. For a monotone law use model.xgboost's `increasing` / \
                `decreasing`; for a law with a limit write it into model.curve-fit's formula (a·(1 − exp(−t/τ)) tends to a \
                everywhere, by construction).""")
public final class PhysicsPenaltyNode implements Node<PhysicsPenaltyNode.Params> {

    public record Params(
            @Param(doc = "The law: non-negative, bounds or sum-to-one", def = "\"non-negative\"") Loss.PenaltyKind penalty,
            @Param(doc = "Weight λ of the penalty against the data loss", def = "1.0", min = 0, max = 1e6, tunable = true) double lambda,
            @Param(doc = "Lower bound (bounds only)", def = "0", min = -1e12, max = 1e12) double low,
            @Param(doc = "Upper bound (bounds only)", def = "1", min = -1e12, max = 1e12) double high) {
    }

    static final InPort<Loss> DATA_LOSS = InPort.of("dataLoss", DataKind.LOSS, Loss.class, "The data loss (squared when unwired)").optional();

    static final OutPort<Loss> LOSS = OutPort.of("loss", DataKind.LOSS, Loss.class, "Data loss + λ·penalty, for model.network or its Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (p.penalty() == Loss.PenaltyKind.BOUNDS && !(p.high() > p.low())) {
            throw ConfigError.atParam("high", "The upper bound " + p.high() + " must lie above the lower bound " + p.low() + ".", "Raise 'high'.");
        }
        LossSpec data = (LossSpec) in.get(DATA_LOSS.name());
        if (data != null && data.task() != Task.REGRESSION) {
            throw ConfigError.atPort(DATA_LOSS.name(), "Physics penalties act on predicted numbers; this is a classification loss.",
                    "Wire a regression loss (squared, absolute, Huber).");
        }
        return Specs.of(LOSS, LearnerSpecs.loss(Task.REGRESSION));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Loss data = in.get(DATA_LOSS);
        return Outputs.of(LOSS, (data == null ? Loss.squared() : data).withPenalty(new Loss.Penalty(p.penalty(), p.lambda(), p.low(), p.high())));
    }
}
