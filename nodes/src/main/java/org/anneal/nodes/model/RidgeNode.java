package org.anneal.nodes.model;

import org.anneal.ml.Learner;
import org.anneal.ml.Task;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "model.ridge", title = "Ridge regression", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "Linear regression with an L2 penalty: minimises the squared error plus lambda times the sum of squared "
                + "weights (the intercept is not penalised). lambda = 0 is ordinary least squares. Solved exactly by the "
                + "normal equations with Tribuo's Cholesky factorisation; Tribuo has no pure ridge trainer (its elastic net "
                + "needs an L1 part), so this learner is written in Anneal and tested against closed-form results. "
                + "Features must be numeric and complete; scale them first so the penalty treats them alike.")
public final class RidgeNode implements Node<RidgeNode.Params> {

    public record Params(
            @Param(doc = "Penalty strength; 0 = ordinary least squares", def = "1.0", min = 0, tunable = true) double lambda) {
    }

    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class, "The unfitted learner, for a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(LEARNER, Hyperparameters.offeredBy(LearnerSpecs.learner(Task.REGRESSION, true, Hyperparameters.of(this)), this));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, Hyperparameters.learner(this, p, q -> new RidgeLearner(q.lambda())));
    }
}
