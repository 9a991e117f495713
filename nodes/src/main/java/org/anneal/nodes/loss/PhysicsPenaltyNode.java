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
                Adds a physics penalty to a network's data loss: loss = data loss + λ·P, where P is zero while the predictions \
                ŷ obey the law and grows with the square of the violation. On the training rows: `non-negative` (a \
                concentration, a thickness: P = mean max(0, −ŷ)²), `bounds` (a fraction in [low, high]: max(0, low − ŷ)² + \
                max(0, ŷ − high)²), `sum-to-one` (phase fractions over the outputs: (Σŷ − 1)²). On an input named by `feature`: \
                `increasing` / `decreasing` (hardness falls with tempering temperature: P = mean max(0, ∓(ŷ(x + δ) − ŷ(x)))² \
                over probe pairs) and `asymptote` (the prediction tends to `limit` as the feature goes to `far`: P = mean \
                (ŷ(x with feature = far) − limit)²). A loss function sees only predictions and targets, never the inputs, so \
                for the input laws the trainer makes up the inputs the law needs — probe rows — and appends them to every \
                minibatch: for a minibatch of b rows, b pairs that are its rows with the feature set to a value u drawn evenly \
                over the training range widened by `reach` ranges on each side and to u + δ (δ = `step` ranges), or its rows \
                with the feature set to `far`. The network predicts them in the same forward pass; they carry no target and \
                the data loss ignores them (a labels mask of 0), the penalty reads only them. The chain rule then runs as for \
                any loss: ∂P/∂ŷ(x + δ) = ∓2·max(0, ∓Δŷ)/m and ±2·max(0, ∓Δŷ)/m for ŷ(x), or 2(ŷ − limit)/m, flows back through \
                the network to every weight. `far` is in the units the network reads (standard deviations after \
                prepare.standardize). Wire the data loss (squared, absolute or Huber; squared when unwired) into `dataLoss` \
                and this block's output to the loss input of model.network or of its Fit node; the feature must be one of the \
                network's input columns. The penalty is soft: larger λ pulls harder, and the law holds only where the probes \
                reach — widen `reach` to carry it further out. With λ = 0 no probe rows are added and training is exactly as \
                without the block. evaluate.loss-curve draws the data loss and P per epoch as two lines; \
                evaluate.monotonicity counts where a model breaks a monotone law. For neural networks of one chain only (no \
                nn.merge, no per-pixel target); the linear SGD models refuse it. For a hard monotone guarantee use \
                model.xgboost's `increasing` / `decreasing`.""")
public final class PhysicsPenaltyNode implements Node<PhysicsPenaltyNode.Params> {

    public record Params(
            @Param(doc = "The law: non-negative, bounds, sum-to-one, increasing, decreasing or asymptote", def = "\"non-negative\"")
            Loss.PenaltyKind penalty,
            @Param(doc = "Weight λ of the penalty against the data loss", def = "1.0", min = 0, max = 1e6, tunable = true) double lambda,
            @Param(doc = "Lower bound (bounds only)", def = "0", min = -1e12, max = 1e12) double low,
            @Param(doc = "Upper bound (bounds only)", def = "1", min = -1e12, max = 1e12) double high,
            @Param(doc = "The input the law speaks of (increasing, decreasing, asymptote): one of the network's input columns",
                    def = "\"\"") String feature,
            @Param(doc = "Step δ between the two rows of a monotone probe pair, as a share of the feature's training range",
                    def = "0.05", min = 1e-6, max = 10) double step,
            @Param(doc = "How far beyond the training range monotone probes go, in training ranges on each side", def = "1", min = 0,
                    max = 100) double reach,
            @Param(doc = "The far value of the feature where the asymptote holds, in the units the network reads", def = "10",
                    min = -1e12, max = 1e12) double far,
            @Param(doc = "The limit the prediction tends to (asymptote only), in target units", def = "0", min = -1e12, max = 1e12)
            double limit) {

        /** The three laws on the predictions alone (callers from before the input laws). */
        public Params(Loss.PenaltyKind penalty, double lambda, double low, double high) {
            this(penalty, lambda, low, high, "", 0.05, 1, 10, 0);
        }
    }

    static final InPort<Loss> DATA_LOSS = InPort.of("dataLoss", DataKind.LOSS, Loss.class, "The data loss (squared when unwired)").optional();

    static final OutPort<Loss> LOSS = OutPort.of("loss", DataKind.LOSS, Loss.class, "Data loss + λ·penalty, for model.network or its Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (p.penalty() == Loss.PenaltyKind.BOUNDS && !(p.high() > p.low())) {
            throw ConfigError.atParam("high", "The upper bound " + p.high() + " must lie above the lower bound " + p.low() + ".", "Raise 'high'.");
        }
        if (p.penalty().probed() && p.feature().isBlank()) {
            throw ConfigError.atParam("feature", "The law '" + org.anneal.spec.Choices.name(p.penalty()) + "' speaks of an input, but no feature is named.",
                    "Name the input column, e.g. the temperature the prediction must fall with.");
        }
        LossSpec data = (LossSpec) in.get(DATA_LOSS.name());
        if (data != null && data.task() != Task.REGRESSION) {
            throw ConfigError.atPort(DATA_LOSS.name(), "Physics penalties act on predicted numbers; this is a classification loss.",
                    "Wire a regression loss (squared, absolute, Huber).");
        }
        return Specs.of(LOSS, new LossSpec(Task.REGRESSION, p.penalty().probed() ? p.feature() : null));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Loss data = in.get(DATA_LOSS);
        Loss.Penalty penalty = new Loss.Penalty(p.penalty(), p.lambda(), p.low(), p.high(), p.feature(), p.step(), p.reach(), p.far(), p.limit());
        return Outputs.of(LOSS, (data == null ? Loss.squared() : data).withPenalty(penalty));
    }
}
