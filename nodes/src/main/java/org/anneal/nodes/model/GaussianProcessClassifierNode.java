package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Task;

@NodeType(id = "model.gaussian-process-classifier", title = "Gaussian process classifier", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        usesSeed = false,
        doc = """
                Classification with honest probabilities: a latent function with a Gaussian-process prior (RBF or Matérn-5/2 \
                kernel) is squashed by the logistic function into P(class). The posterior is not Gaussian, so it is replaced by \
                the Gaussian at its mode (the Laplace approximation, Rasmussen & Williams algorithms 3.1 and 3.2): Newton's \
                method finds the most likely latent values, and a new row's probability averages the logistic over the latent \
                mean and variance there, so far from the training rows the probability falls back towards 0.5 instead of \
                staying confident. Length scale and signal variance are chosen by the approximate marginal likelihood over a \
                grid. Two classes make one model; more make one per class against the rest (probabilities normalised). \
                Standardize the features first; at most 1000 training rows.""")
public final class GaussianProcessClassifierNode extends LearnerNode<GaussianProcessClassifierNode.Params> {

    public record Params(@Param(doc = "Covariance kernel of the latent function", def = "\"rbf\"") GaussianProcessClassifierLearner.Kernel kernel) {
    }

    public GaussianProcessClassifierNode() {
        super(Task.CLASSIFICATION, p -> new GaussianProcessClassifierLearner(p.kernel()));
    }
}
