package org.anneal.nodes.model;

import java.util.List;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "model.linear", title = "Linear regression (least squares)", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "Ordinary least squares: the weights and intercept that minimise the sum of squared errors, found exactly by "
                + "solving the normal equations (XᵀX)w = Xᵀy on centred data with Tribuo's Cholesky factorisation (the same solver "
                + "as model.ridge with lambda = 0). Fails with an explanation when features are linearly dependent; then use "
                + "model.ridge. Features must be numeric and complete.")
public final class LinearNode implements Node<LinearNode.Params> {

    public record Params() {
    }

    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class, "The unfitted learner, for a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        // nothing to tune: least squares has no hyperparameters
        return Specs.of(LEARNER, LearnerSpecs.learner(Task.REGRESSION, true, List.of()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, new RidgeLearner(0));
    }
}
