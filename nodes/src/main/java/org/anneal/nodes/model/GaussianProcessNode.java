package org.anneal.nodes.model;

import java.util.List;
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

@NodeType(id = "model.gaussian-process", title = "Gaussian process regression", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "Regression with uncertainty: a Gaussian process with an RBF or Matérn-5/2 kernel predicts a mean and a standard "
                + "deviation for every row (the regression metrics node adds `prediction_sd` and the share of truths inside the "
                + "95 % interval, `coverage_95`). Length scale and noise are chosen by maximising the marginal likelihood over a "
                + "grid. Standardize the features first: the kernel uses one length scale for all of them. Written in Anneal on "
                + "Tribuo's Cholesky factorisation (no Java library at hand offers GP regression); at most 2000 training rows.")
public final class GaussianProcessNode implements Node<GaussianProcessNode.Params> {

    public record Params(@Param(doc = "Covariance kernel", def = "\"rbf\"") GaussianProcessLearner.Kernel kernel) {
    }

    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class, "The unfitted learner, for a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(LEARNER, LearnerSpecs.learner(Task.REGRESSION, true, List.of()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, new GaussianProcessLearner(p.kernel()));
    }
}
