package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Task;

@NodeType(id = "model.quantile-boosting", title = "Quantile boosting intervals", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Prediction intervals whose width follows the data: three gradient-boosted tree models (XGBoost) trained with \
                the pinball loss, which is smallest at a quantile instead of the mean: at α/2 and 1 − α/2 for the interval of \
                the chosen `coverage` (1 − α), and at 0.5 for the prediction (the median). Where the noise grows with a feature \
                (a rougher process at high power, a wider scatter at high temperature) the interval widens there, which a \
                conformal interval of one width cannot do; unlike conformal intervals, the coverage is estimated, not \
                guaranteed — check it on held-out rows. Predictions carry `prediction_low` and `prediction_high` (the same \
                columns evaluate.conformal writes) and the `prediction_sd` of a normal interval of the same width, so \
                evaluate.regression, plot.calibration and evaluate.conformal accept the model. XGBoost 1.6 has no quantile \
                objective: the pinball gradient (−τ above the prediction, 1 − τ below) is passed to it as a custom objective \
                with a constant hessian of 4·min(τ, 1 − τ) (so that a tail quantile moves at a useful speed both ways), on a \
                standardized target started at its empirical quantile; each leaf holds at least 10/min(τ, 1 − τ) rows (200 \
                for a 5 % quantile), since a tail quantile from fewer rows is noise and noisy bounds under-cover. With fewer \
                training rows than that the interval cannot vary and is the same everywhere.""")
public final class QuantileBoostingNode extends LearnerNode<QuantileBoostingNode.Params> {

    public record Params(
            @Param(doc = "Share of true values the interval should hold (1 − α)", def = "0.9", min = 0.5, max = 0.99) double coverage,
            @Param(doc = "Number of boosting rounds (trees) per quantile", def = "200", min = 1, max = 10000, tunable = true) int trees,
            @Param(doc = "Maximum depth of each tree", def = "3", min = 1, max = 16, tunable = true) int maxDepth,
            @Param(doc = "Learning rate: how much of each new tree is added", def = "0.05", min = 1e-4, max = 1, tunable = true) double eta,
            @Param(doc = "L2 penalty on the leaf values", def = "1.0", min = 0) double lambda) {
    }

    public QuantileBoostingNode() {
        super(Task.REGRESSION, p -> new QuantileBoostingLearner(p.coverage(), p.trees(), p.maxDepth(), p.eta(), p.lambda()));
    }
}
