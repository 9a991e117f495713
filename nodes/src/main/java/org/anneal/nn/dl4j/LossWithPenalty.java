package org.anneal.nn.dl4j;

import org.anneal.ml.loss.Loss;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A data loss plus λ times a physics penalty on the network's outputs ŷ (after the output activation), per row:
 * non-negativity mean_j max(0, −ŷ_j)²; bounds mean_j [max(0, low − ŷ_j)² + max(0, ŷ_j − high)²]; sum-to-one
 * (Σ_j ŷ_j − 1)². Each is zero where the law holds and grows quadratically with the violation, so its gradient with
 * respect to ŷ is continuous: −2·max(0, −ŷ)/k; (−2·max(0, low − ŷ) + 2·max(0, ŷ − high))/k; 2·(Σŷ − 1) for every output.
 * A penalty is soft: it pulls the fit towards the law, in proportion to λ, and does not guarantee it. A finite-difference
 * test checks each gradient (SameDiffLoss breaks on composed reductions in this release; DEPENDENCIES.md).
 */
public final class LossWithPenalty implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private ILossFunction base;
    private String kind;
    private double lambda;
    private double low;
    private double high;

    /** For DL4J's configuration serialisation. */
    public LossWithPenalty() {
    }

    public LossWithPenalty(ILossFunction base, Loss.Penalty penalty) {
        this.base = base;
        this.kind = penalty.kind().name();
        this.lambda = penalty.lambda();
        this.low = penalty.low();
        this.high = penalty.high();
    }

    public ILossFunction getBase() {
        return base;
    }

    public void setBase(ILossFunction base) {
        this.base = base;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        this.lambda = lambda;
    }

    public double getLow() {
        return low;
    }

    public void setLow(double low) {
        this.low = low;
    }

    public double getHigh() {
        return high;
    }

    public void setHigh(double high) {
        this.high = high;
    }

    /** The penalty of each row, as a column. */
    public INDArray penaltyPerRow(INDArray preOutput, IActivation activationFn) {
        INDArray y = activationFn.getActivation(preOutput.dup(), false);
        long k = y.size(1);
        return switch (Loss.PenaltyKind.valueOf(kind)) {
            case NON_NEGATIVE -> square(Transforms.relu(y.neg(), false)).sum(true, 1).divi(k);
            case BOUNDS -> square(Transforms.relu(y.rsub(low), false)).addi(square(Transforms.relu(y.sub(high), false))).sum(true, 1).divi(k);
            case SUM_TO_ONE -> square(y.sum(true, 1).subi(1.0));
        };
    }

    private INDArray penaltyGradient(INDArray preOutput, IActivation activationFn) {
        INDArray y = activationFn.getActivation(preOutput.dup(), false);
        long k = y.size(1);
        INDArray dPdY = switch (Loss.PenaltyKind.valueOf(kind)) {
            case NON_NEGATIVE -> Transforms.relu(y.neg(), false).muli(-2.0 / k);
            case BOUNDS -> Transforms.relu(y.sub(high), false).subi(Transforms.relu(y.rsub(low), false)).muli(2.0 / k);
            case SUM_TO_ONE -> y.sum(true, 1).subi(1.0).muli(2.0).repeat(1, k);
        };
        return activationFn.backprop(preOutput.dup(), dPdY.muli(lambda)).getFirst();
    }

    private static INDArray square(INDArray a) {
        return a.muli(a);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray data = base.computeScoreArray(labels, preOutput.dup(), activationFn, mask); // DL4J's losses may overwrite it
        return data.add(penaltyPerRow(preOutput, activationFn).muli(lambda).reshape(data.shape()));
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return base.computeGradient(labels, preOutput.dup(), activationFn, mask).addi(penaltyGradient(preOutput, activationFn));
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                                                          boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average), computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return base.name() + " + " + lambda + "·" + kind;
    }

    @Override
    public String toString() {
        return name();
    }
}
