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

@NodeType(id = "model.lasso", title = "Lasso", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "Linear regression with an L1 penalty: minimises (1/2n)·squared error + alpha·Σ|w_j| (the intercept is not "
                + "penalised), by Tribuo's coordinate descent (ElasticNetCDTrainer with l1Ratio = 1). Unlike ridge, the lasso sets "
                + "the weights of weak features exactly to zero, so it also selects features; the larger alpha, the fewer survive. "
                + "Standardize the features first so the penalty treats them alike.")
public final class LassoNode implements Node<LassoNode.Params> {

    public record Params(
            @Param(doc = "Penalty strength (in target units per standardized feature unit)", def = "0.1", min = 0, tunable = true) double alpha,
            @Param(doc = "Coordinate-descent sweeps at most", def = "1000", min = 1, max = 1000000) int maxIterations) {
    }

    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class, "The unfitted learner, for a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(LEARNER, Hyperparameters.offeredBy(LearnerSpecs.learner(Task.REGRESSION, true, Hyperparameters.of(this)), this));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, Hyperparameters.learner(this, p, q -> new ElasticNetLearner(q.alpha(), 1, q.maxIterations())));
    }
}
