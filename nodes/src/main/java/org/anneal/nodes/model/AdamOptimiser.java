package org.anneal.nodes.model;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * Adam (Kingma and Ba, 2015, Algorithm 1 with the bias corrections folded into the step size) on Tribuo's tensors.
 * Written here because Tribuo 4.3.2's Adam multiplies the step by √v̂ + ε instead of dividing by it (fixed upstream in
 * oracle/tribuo pull request 401, after 4.3.2), which makes it crawl near an optimum and diverge at larger rates.
 */
final class AdamOptimiser implements StochasticGradientOptimiser {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private Tensor[] firstMoment;
    private Tensor[] secondMoment;
    private int iteration;

    AdamOptimiser(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void initialise(Parameters parameters) {
        firstMoment = parameters.getEmptyCopy();
        secondMoment = parameters.getEmptyCopy();
        iteration = 0;
    }

    /** @param updates the (negative) gradients, replaced in place by the steps to add; {@code weight} scales them first */
    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
        iteration++;
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, iteration)) / (1 - Math.pow(beta1, iteration));
        for (int i = 0; i < updates.length; i++) {
            firstMoment[i].scaleInPlace(beta1);
            firstMoment[i].intersectAndAddInPlace(updates[i], g -> (1 - beta1) * weight * g);
            secondMoment[i].scaleInPlace(beta2);
            secondMoment[i].intersectAndAddInPlace(updates[i], g -> (1 - beta2) * weight * g * weight * g);
            updates[i].scaleInPlace(0);
            updates[i].intersectAndAddInPlace(firstMoment[i], m -> stepSize * m);
            updates[i].hadamardProductInPlace(secondMoment[i], v -> 1 / (Math.sqrt(v) + epsilon));
        }
        return updates;
    }

    @Override
    public void reset() {
        firstMoment = null;
        secondMoment = null;
        iteration = 0;
    }

    @Override
    public AdamOptimiser copy() {
        return new AdamOptimiser(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return "Adam(learningRate=" + learningRate + ",beta1=" + beta1 + ",beta2=" + beta2 + ",epsilon=" + epsilon + ")";
    }
}
