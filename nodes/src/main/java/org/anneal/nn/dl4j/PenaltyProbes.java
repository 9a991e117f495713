package org.anneal.nn.dl4j;

import java.util.SplittableRandom;
import org.anneal.ml.loss.Loss;
import org.anneal.nn.NetworkLearner;
import org.anneal.spec.NodeFailure;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Probe rows for a law that speaks of an input (monotone in it, a limit as it grows): a DL4J loss sees only predictions and
 * labels, never the inputs, so the trainer appends to each minibatch of b rows the inputs the law needs and the network
 * predicts them in the same forward pass. Monotone: b pairs, the i-th pair the minibatch's i-th row with the feature set to
 * u ~ U[min − reach·range, max + reach·range] and to u + step·range (range = max − min of the feature over the rows that
 * train), so the law is checked where there is data and beyond it, where it matters most; asymptote: the b rows with the
 * feature set to the far value. Probe rows are labelled NaN: {@link LossWithPenalty} knows them by that mark (rows b.. are
 * probes) and leaves them out of the data loss. DL4J's labels mask cannot do it: its output layer multiplies masked rows'
 * pre-activations by 0, so they would predict 0 whatever their inputs. The draws come from their own seeded generator, so
 * the minibatch order is the same as without probes; λ = 0 adds no probes at all, which leaves training exactly as
 * without the penalty.
 */
final class PenaltyProbes {
    private final Loss.PenaltyKind law;
    private final int feature;
    private final int width;
    private final double low;
    private final double span;
    private final double delta;
    private final double far;
    private final SplittableRandom rng;

    private PenaltyProbes(Loss.Penalty p, int feature, int width, double min, double max, long seed) {
        this.law = p.kind();
        this.feature = feature;
        this.width = width;
        double range = max - min > 0 ? max - min : 1; // a constant feature: probe one unit around it
        this.low = min - p.reach() * range;
        this.span = max - min + 2 * p.reach() * range;
        this.delta = p.step() * range;
        this.far = p.far();
        this.rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    }

    /**
     * The probes {@code learner}'s loss needs, or null when it needs none (no penalty, a law on the predictions alone, or
     * λ = 0). {@code x} holds the rows row-major, {@code width} numbers each; the range comes from {@code fitRows}.
     */
    static PenaltyProbes of(NetworkLearner learner, float[] x, int width, int[] fitRows, long seed) {
        Loss.Penalty p = learner.loss().penalty();
        if (p == null || !p.kind().probed() || p.lambda() == 0) {
            return null;
        }
        int j = learner.network().inputColumns().indexOf(p.feature());
        if (j < 0 || learner.network().inputColumns().size() != width) { // configure refuses both; a learner built by hand may not
            throw new NodeFailure("The penalty speaks of '" + p.feature() + "', which is not one of the network's input columns "
                    + learner.network().inputColumns() + ".", "Name one of the columns nn.input feeds the network.");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r : fitRows) {
            min = Math.min(min, x[r * width + j]);
            max = Math.max(max, x[r * width + j]);
        }
        return new PenaltyProbes(p, j, width, min, max, seed);
    }

    /** The rows {@code index[from..to)} with their probe rows after them, labelled NaN. */
    DataSet batch(float[] x, float[] y, int outputs, int[] index, int from, int to) {
        int b = to - from;
        int probes = law == Loss.PenaltyKind.ASYMPTOTE ? b : 2 * b;
        int n = b + probes;
        float[] in = new float[n * width];
        float[] labels = new float[n * outputs];
        for (int r = 0; r < b; r++) {
            System.arraycopy(x, index[from + r] * width, in, r * width, width);
            System.arraycopy(y, index[from + r] * outputs, labels, r * outputs, outputs);
        }
        for (int r = 0; r < b; r++) {
            int at = b + r;
            java.util.Arrays.fill(labels, at * outputs, (at + 1) * outputs, Float.NaN);
            System.arraycopy(x, index[from + r] * width, in, at * width, width);
            if (law == Loss.PenaltyKind.ASYMPTOTE) {
                in[at * width + feature] = (float) far;
                continue;
            }
            double u = low + span * rng.nextDouble();
            in[at * width + feature] = (float) u;
            int pair = b + b + r;
            System.arraycopy(x, index[from + r] * width, in, pair * width, width);
            java.util.Arrays.fill(labels, pair * outputs, (pair + 1) * outputs, Float.NaN);
            in[pair * width + feature] = (float) (u + delta);
        }
        return new DataSet(Nd4j.create(in, new long[] {n, width}, DataType.FLOAT), Nd4j.create(labels, new long[] {n, outputs}, DataType.FLOAT));
    }
}
