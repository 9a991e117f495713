package org.anneal.nn.dl4j;

import org.anneal.ml.loss.Loss;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

/**
 * A data loss plus λ times a physics penalty on the network's outputs ŷ (after the output activation). Each penalty is
 * zero where the law holds and grows with the square of the violation, so its gradient is continuous:
 * <ul>
 * <li>on the training rows: non-negativity mean_j max(0, −ŷ_j)², gradient −2·max(0, −ŷ)/k; bounds
 * mean_j [max(0, low − ŷ_j)² + max(0, ŷ_j − high)²], gradient (2·max(0, ŷ − high) − 2·max(0, low − ŷ))/k; sum-to-one
 * (Σ_j ŷ_j − 1)², gradient 2·(Σŷ − 1) for every output;</li>
 * <li>on probe rows ({@link PenaltyProbes} appends them after the minibatch's rows and labels them NaN, the mark by which
 * this loss tells them apart; the data loss reads only the rows before them): monotone, m pairs (x, x + δe) as rows b..b+m−1 and b+m..b+2m−1, P = mean_k max(0, −s·(ŷ(x+δe) − ŷ(x)))²
 * with s = +1 increasing, −1 decreasing, so ∂P/∂ŷ(x+δe) = −2s·v/m and ∂P/∂ŷ(x) = +2s·v/m (v the violation); asymptote, m
 * far rows, P = mean_k (ŷ_k − limit)², ∂P/∂ŷ_k = 2(ŷ_k − limit)/m.</li>
 * </ul>
 * The chain rule through the output activation is DL4J's {@code backprop} of the activation. DL4J divides a
 * minibatch's loss and gradient by all its rows N, probes included, so the data part is scaled by N/b (b data rows) and
 * the probe penalty by N: what DL4J reports and steps on is then mean data loss + λ·P. Rows without the mark have no
 * probes (validation rows, λ = 0) and the factors are 1. (DL4J's labels mask cannot mark them: the output layer multiplies
 * its pre-activations by the mask, so a masked row would predict 0 whatever its input.) A finite-difference test checks every gradient
 * (SameDiffLoss breaks on composed reductions in this release; DEPENDENCIES.md). The last call's data loss and penalty
 * stay readable ({@link #lastDataLoss}, {@link #lastPenalty}) so the trainer can draw them apart.
 */
public final class LossWithPenalty implements ILossFunction {
    private static final long serialVersionUID = 2L;
    private ILossFunction base;
    private String kind;
    private double lambda;
    private double low;
    private double high;
    private double limit;
    @JsonIgnore
    private transient double lastDataLoss = Double.NaN;
    @JsonIgnore
    private transient double lastPenalty = Double.NaN;

    /** For DL4J's configuration serialisation. */
    public LossWithPenalty() {
    }

    public LossWithPenalty(ILossFunction base, Loss.Penalty penalty) {
        this.base = base;
        this.kind = penalty.kind().name();
        this.lambda = penalty.lambda();
        this.low = penalty.low();
        this.high = penalty.high();
        this.limit = penalty.limit();
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

    public double getLimit() {
        return limit;
    }

    public void setLimit(double limit) {
        this.limit = limit;
    }

    /** The mean data loss over the data rows of the last minibatch scored. */
    double lastDataLoss() {
        return lastDataLoss;
    }

    /** The penalty P (before λ) of the last minibatch scored: over its rows, or over its probe rows. */
    double lastPenalty() {
        return lastPenalty;
    }

    /** The penalty of each row, as a column, for the laws on the training rows (zero for the probed laws: no probes here). */
    public INDArray penaltyPerRow(INDArray preOutput, IActivation activationFn) {
        Terms t = terms(preOutput, activationFn, n -> n);
        return Nd4j.create(t.rowPenalty, new long[] {t.rowPenalty.length, 1}).castTo(preOutput.dataType());
    }

    /**
     * Each row's penalty contribution and ∂(penalty)/∂ŷ, both already scaled as the minibatch needs them (N/b on data rows,
     * N on probe rows), so that Σ rowPenalty = N·P.
     */
    private record Terms(int n, int dataRows, double[] rowPenalty, double[][] dPdY, double penalty) {
    }

    private Terms terms(INDArray preOutput, IActivation activationFn, java.util.function.IntUnaryOperator dataRows) {
        double[][] y = activationFn.getActivation(preOutput.dup(), false).toDoubleMatrix();
        int n = y.length;
        int k = y[0].length;
        int b = dataRows.applyAsInt(n);
        double[] row = new double[n];
        double[][] grad = new double[n][k];
        Loss.PenaltyKind law = Loss.PenaltyKind.valueOf(kind);
        if (!law.probed()) {
            double scale = (double) n / b;
            double sum = 0;
            for (int i = 0; i < b; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    switch (law) {
                        case NON_NEGATIVE -> {
                            double v = Math.max(0, -y[i][j]);
                            row[i] += v * v / k;
                            grad[i][j] = -2 * v / k;
                        }
                        case BOUNDS -> {
                            double under = Math.max(0, low - y[i][j]);
                            double over = Math.max(0, y[i][j] - high);
                            row[i] += (under * under + over * over) / k;
                            grad[i][j] = (2 * over - 2 * under) / k;
                        }
                        default -> s += y[i][j]; // sum-to-one
                    }
                }
                if (law == Loss.PenaltyKind.SUM_TO_ONE) {
                    row[i] = (s - 1) * (s - 1);
                    java.util.Arrays.fill(grad[i], 2 * (s - 1));
                }
                sum += row[i];
                row[i] *= scale;
                for (int j = 0; j < k; j++) {
                    grad[i][j] *= scale;
                }
            }
            return new Terms(n, b, row, grad, sum / b);
        }
        int probes = n - b;
        int m = law == Loss.PenaltyKind.ASYMPTOTE ? probes : probes / 2;
        if (m == 0) {
            return new Terms(n, b, row, grad, 0);
        }
        double p = 0;
        for (int q = 0; q < m; q++) {
            for (int j = 0; j < k; j++) {
                if (law == Loss.PenaltyKind.ASYMPTOTE) {
                    double d = y[b + q][j] - limit;
                    p += d * d / (m * (double) k);
                    row[b + q] += n * d * d / (m * (double) k);
                    grad[b + q][j] = n * 2 * d / (m * (double) k);
                } else {
                    double s = law == Loss.PenaltyKind.INCREASING ? 1 : -1;
                    double v = Math.max(0, -s * (y[b + m + q][j] - y[b + q][j]));
                    p += v * v / (m * (double) k);
                    row[b + m + q] += n * v * v / (m * (double) k);
                    grad[b + m + q][j] = n * -2 * s * v / (m * (double) k);
                    grad[b + q][j] = n * 2 * s * v / (m * (double) k);
                }
            }
        }
        return new Terms(n, b, row, grad, p);
    }

    /** The leading rows with a label: the minibatch's own rows; the rest, labelled NaN, are probes. */
    private static int dataRows(INDArray labels) {
        double[] first = labels.reshape(labels.size(0), -1).getColumn(0).toDoubleVector();
        int n = first.length;
        int b = 0;
        while (b < n && !Double.isNaN(first[b])) {
            b++;
        }
        for (int i = b; i < n; i++) {
            if (!Double.isNaN(first[i])) {
                throw new IllegalStateException("probe rows must follow the minibatch's rows; row " + i + " of " + n + " has a label");
            }
        }
        if (b == 0) {
            throw new IllegalStateException("a minibatch of probe rows only");
        }
        return b;
    }

    /** The first {@code b} rows of {@code a}, as a copy (DL4J's losses may overwrite their arguments). */
    private static INDArray head(INDArray a, int b) {
        return a == null ? null : a.get(NDArrayIndex.interval(0, b), NDArrayIndex.all()).dup();
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        int b = dataRows(labels);
        Terms t = terms(preOutput, activationFn, n -> b);
        double[] data = base.computeScoreArray(head(labels, b), head(preOutput, b), activationFn, head(mask, b)).toDoubleVector();
        double scale = (double) t.n / b;
        double dataSum = 0;
        double[] out = new double[t.n];
        for (int i = 0; i < t.n; i++) {
            dataSum += i < b ? data[i] : 0;
            out[i] = (i < b ? scale * data[i] : 0) + lambda * t.rowPenalty[i];
        }
        lastDataLoss = dataSum / b;
        lastPenalty = t.penalty;
        return Nd4j.create(out, new long[] {t.n, 1}).castTo(preOutput.dataType());
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        int b = dataRows(labels);
        Terms t = terms(preOutput, activationFn, n -> b);
        INDArray grad;
        if (b == t.n) {
            grad = base.computeGradient(labels, preOutput.dup(), activationFn, mask);
        } else { // probes: the data loss's gradient on the data rows, counted N/b times, and 0 on the probes
            grad = Nd4j.zeros(preOutput.dataType(), preOutput.shape());
            grad.get(NDArrayIndex.interval(0, b), NDArrayIndex.all())
                    .assign(base.computeGradient(head(labels, b), head(preOutput, b), activationFn, head(mask, b)).muli((double) t.n / b));
        }
        double[][] d = t.dPdY;
        for (double[] r : d) {
            for (int j = 0; j < r.length; j++) {
                r[j] *= lambda;
            }
        }
        INDArray dLdY = Nd4j.create(d).castTo(preOutput.dataType());
        return grad.addi(activationFn.backprop(preOutput.dup(), dLdY).getFirst());
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
