package org.anneal.nodes.model;

import java.util.Arrays;
import java.util.List;
import org.anneal.ml.Plot;
import java.util.SplittableRandom;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.common.sgd.AbstractSGDTrainer;
import org.tribuo.common.sgd.SGDObjective;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.Parameters;

/**
 * The training loop of Tribuo's linear SGD trainers (AbstractSGDTrainer), run here so that the training loss can be
 * recorded after every epoch, which Tribuo's trainer only writes to its log. Everything numeric is Tribuo's: the
 * objective's loss and gradient, the optimiser's update rule and the linear parameters; with a minibatch of one the
 * weights equal those of Tribuo's LinearSGDTrainer with the same seed (a test checks this).
 */
public final class GradientDescent {
    private GradientDescent() {
    }

    /**
     * The outcome of a run.
     *
     * @param weights      outputs × (features + 1); the last column is the bias
     * @param lossPerEpoch mean training loss over all rows before training (index 0) and after each epoch
     */
    public record Result(double[][] weights, double[] lossPerEpoch) {
    }

    /**
     * @param rows      feature rows (not modified)
     * @param targets   one target per row in the objective's representation (not modified)
     * @param outputs   number of output dimensions (1 for regression, classes for a classifier)
     * @param minibatch rows per update; gradients of a batch are averaged
     * @param lossSign  +1 when the objective reports a loss (Tribuo's regression objectives), −1 when it reports the
     *                  value to maximise (Tribuo's classification objectives return the log-likelihood, for instance)
     */
    public static <T> Result run(double[][] rows, T[] targets, int outputs, SGDObjective<T> objective, double lossSign,
                                 StochasticGradientOptimiser optimiser, int epochs, int minibatch, boolean shuffle, long seed, ExecContext ctx) {
        int n = rows.length;
        SGDVector[] x = new SGDVector[n];
        for (int i = 0; i < n; i++) {
            double[] withBias = Arrays.copyOf(rows[i], rows[i].length + 1);
            withBias[rows[i].length] = 1.0;
            x[i] = DenseVector.createDenseVector(withBias);
        }
        T[] y = targets.clone();
        double[] rowWeights = new double[n];
        Arrays.fill(rowWeights, 1.0);
        int p = n == 0 ? 0 : rows[0].length;
        LinearParameters params = new LinearParameters(p + 1, outputs);
        // the same random stream as Tribuo's trainer: split once from a generator seeded with the seed
        SplittableRandom rng = new SplittableRandom(seed).split();
        optimiser.initialise(params);
        double[] curve = new double[epochs + 1];
        long lastLive = 0;
        curve[0] = lossSign * meanLoss(x, y, objective, params);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            ctx.checkCancelled();
            if (shuffle) {
                AbstractSGDTrainer.shuffleInPlace(x, y, rowWeights, rng);
            }
            for (int start = 0; start < n; start += minibatch) {
                int end = Math.min(n, start + minibatch);
                Tensor[][] grads = new Tensor[end - start][];
                for (int i = start; i < end; i++) {
                    grads[i - start] = params.gradients(objective.lossAndGradient(y[i], params.predict(x[i])), x[i]);
                }
                Tensor[] update = grads.length == 1 ? grads[0] : params.merge(grads, grads.length);
                params.update(optimiser.step(update, 1.0 / grads.length));
            }
            curve[epoch] = lossSign * meanLoss(x, y, objective, params);
            if (!Double.isFinite(curve[epoch])) {
                throw new NodeFailure("Training diverged in epoch " + epoch + ": the loss became " + curve[epoch] + ".",
                        "Lower the optimizer's learning rate, or standardize the features first.");
            }
            ctx.progress(epoch / (double) epochs);
            long now = System.nanoTime();
            if (epoch == 1 || now - lastLive >= LIVE_INTERVAL_NANOS) {
                lastLive = now;
                ctx.publish(LIVE_NAME, lossSoFar(curve, epoch));
            }
        }
        optimiser.finalise();
        return new Result(matrix(params), curve);
    }

    /** The name the loss so far is published under while training runs (see {@link ExecContext#publish}). */
    public static final String LIVE_NAME = "loss";
    /** Ten curves a second are smooth to watch; copying the curve more often would cost the training time. */
    private static final long LIVE_INTERVAL_NANOS = 100_000_000L;

    /** The curve up to {@code epoch}, drawn like evaluate.loss-curve draws the finished one. */
    static Plot lossSoFar(double[] curve, int epoch) {
        double[] x = new double[epoch + 1];
        for (int e = 0; e <= epoch; e++) {
            x[e] = e;
        }
        return Plot.of(Plot.Kind.LINE, "Training loss so far (epoch " + epoch + ")", "epoch", "mean training loss",
                List.of(Plot.Series.of("training loss", x, Arrays.copyOf(curve, epoch + 1))), List.of());
    }

    private static <T> double meanLoss(SGDVector[] x, T[] y, SGDObjective<T> objective, Parameters params) {
        LinearParameters lp = (LinearParameters) params;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += objective.lossAndGradient(y[i], lp.predict(x[i])).getA();
        }
        return x.length == 0 ? 0 : s / x.length;
    }

    private static double[][] matrix(LinearParameters params) {
        DenseMatrix m = params.getWeightMatrix();
        double[][] w = new double[m.getDimension1Size()][m.getDimension2Size()];
        for (int r = 0; r < w.length; r++) {
            for (int c = 0; c < w[r].length; c++) {
                w[r][c] = m.get(r, c);
            }
        }
        return w;
    }
}
