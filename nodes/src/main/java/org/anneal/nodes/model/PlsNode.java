package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Task;

@NodeType(id = "model.pls", title = "PLS regression", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Partial least squares regression (PLS1, by NIPALS): projects the features onto a few components chosen \
                for their covariance with the target, not only their variance as PCA does, and regresses the target on \
                them. It is the standard calibration model of spectroscopy: hundreds of strongly correlated channels and \
                few samples, where least squares has no unique answer. The fitted model is linear in the original \
                features, so explain.coefficients shows a regression vector over the channels. Too few components \
                underfit; too many refit the noise (with as many components as the data's rank it is least squares) — \
                choose the number by cross-validation on the training rows (model.tune). With `scale` every feature is \
                divided by its standard deviation first, as scikit-learn's PLSRegression does by default; turn it off \
                for spectra whose channels share one unit, where scaling lifts the noise of flat channels to the level \
                of the bands. Features must be numeric and complete.""")
public final class PlsNode extends LearnerNode<PlsNode.Params> {

    public record Params(
            @Param(doc = "Number of latent components", def = "3", min = 1, max = 1000, tunable = true) int components,
            @Param(doc = "Divide each feature and the target by its standard deviation first", def = "true") boolean scale) {
    }

    public PlsNode() {
        super(Task.REGRESSION, q -> new PlsLearner(q.components(), q.scale()));
    }
}
