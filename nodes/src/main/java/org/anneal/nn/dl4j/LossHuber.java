package org.anneal.nn.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Huber loss for DL4J, which has none: per output ½r² where |r| ≤ delta and delta·(|r| − ½·delta) beyond (the same
 * formula as Tribuo's, which the linear SGD models use), averaged over the outputs like DL4J's MSE. Its gradient with
 * respect to the prediction is r clipped to [−delta, delta], so outliers pull no harder than delta. A finite-difference
 * test checks the gradient.
 */
public final class LossHuber implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private double delta;

    /** For DL4J's configuration serialisation. */
    public LossHuber() {
        this(1.0);
    }

    public LossHuber(double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("Huber delta must be positive: " + delta);
        }
        this.delta = delta;
    }

    public double getDelta() {
        return delta;
    }

    public void setDelta(double delta) {
        this.delta = delta;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray r = activationFn.getActivation(preOutput.dup(), true).subi(labels.castTo(preOutput.dataType()));
        INDArray abs = Transforms.abs(r, true);
        INDArray inside = abs.lte(delta).castTo(r.dataType());
        INDArray quadratic = r.mul(r).muli(0.5);
        INDArray linear = abs.sub(0.5 * delta).muli(delta);
        INDArray perOutput = quadratic.muli(inside).addi(linear.muli(inside.rsub(1.0)));
        if (mask != null) {
            LossUtil.applyMask(perOutput, mask);
        }
        return perOutput.sum(true, 1).divi(perOutput.size(1));
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray r = activationFn.getActivation(preOutput.dup(), true).subi(labels.castTo(preOutput.dataType()));
        INDArray dLdOut = Transforms.min(Transforms.max(r, -delta, false), delta, false).divi(r.size(1));
        if (mask != null && LossUtil.isPerOutputMasking(dLdOut, mask)) {
            LossUtil.applyMask(dLdOut, mask);
        }
        INDArray grad = activationFn.backprop(preOutput.dup(), dLdOut).getFirst();
        if (mask != null) {
            LossUtil.applyMask(grad, mask);
        }
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                                                          boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average), computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "LossHuber(delta=" + delta + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
