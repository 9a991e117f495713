package org.anneal.nodes.optim;

import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "optim.adam", title = "Adam", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Adam (Kingma & Ba 2015): steps along a decaying average of the gradients (beta1), divided by the root of a \
                decaying average of their squares (beta2), both corrected for their start at zero. A robust default. Anneal \
                implements the update on Tribuo's tensors itself: Tribuo 4.3.2's Adam multiplies by the root of the \
                squared-gradient average instead of dividing by it (fixed upstream after that release).""")
public final class AdamOptimizerNode extends OptimizerNode<AdamOptimizerNode.Params> {

    public record Params(
            @Param(doc = "Step size (alpha)", def = "0.001", min = 1e-9, max = 100) double learningRate,
            @Param(doc = "Decay of the gradient average", def = "0.9", min = 0, max = 0.9999) double beta1,
            @Param(doc = "Decay of the squared-gradient average", def = "0.999", min = 0, max = 0.99999) double beta2,
            @Param(doc = "Added to the denominator to avoid dividing by zero", def = "1e-8", min = 0, max = 1) double epsilon) {
    }

    public AdamOptimizerNode() {
        super(p -> new Optimizer(Optimizer.Kind.ADAM, p.learningRate(), "none", 0, p.beta1(), p.beta2(), p.epsilon()));
    }
}
