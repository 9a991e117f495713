package org.anneal.nodes.model;

import org.anneal.spec.Task;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.gaussian-process", title = "Gaussian process regression", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Regression with uncertainty: a Gaussian process with an RBF or Matérn-5/2 kernel predicts a mean and a \
                standard deviation for every row (the regression metrics node adds `prediction_sd` and the share of truths \
                inside the 95 % interval, `coverage_95`). Length scale and noise are chosen by maximising the marginal \
                likelihood over a grid. Standardize the features first: the kernel uses one length scale for all of them. \
                The `rbf-ard` and `matern52-ard` kernels give every feature its own length scale (automatic relevance \
                determination) and fit them, with the signal and noise variance, by maximising the marginal likelihood with its \
                analytic gradient from four starting points (at most 1000 rows). explain.coefficients lists the fitted \
                `length_scale <feature>` rows (plot.bar draws them): a long length scale means the prediction hardly changes \
                along that feature, so the feature is irrelevant to the model. \
                Written in Anneal on Tribuo's Cholesky factorisation (no Java library at hand offers GP regression); at most \
                2000 training rows.""")
public final class GaussianProcessNode extends LearnerNode<GaussianProcessNode.Params> {

    public record Params(@Param(doc = "Covariance kernel", def = "\"rbf\"") GaussianProcessLearner.Kernel kernel) {
    }

    public GaussianProcessNode() {
        super(Task.REGRESSION, p -> new GaussianProcessLearner(p.kernel()));
    }
}
