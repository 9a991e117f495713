package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tanh multilayer perceptron from one input x to one output N(x) that carries its derivatives dN/dx (and d²N/dx²)
 * forward beside its activations, as ordinary SameDiff ops (forward-mode differentiation). The PINN's loss is then a
 * plain function of N, N' and N'', and one ordinary backward pass trains it — SameDiff cannot differentiate a
 * gradient through its public API in this release (DEPENDENCIES.md).
 *
 * <p>The chain rule per layer, for a row of inputs x (each line is a SameDiff op on whole columns):
 * <pre>
 *   z  = a·W + b        z'  = a'·W                 z'' = a''·W          (a linear map passes derivatives through)
 *   a  = tanh(z)        a'  = (1 − a²)·z'          a'' = (1 − a²)·z'' − 2·a·a'·z'
 * </pre>
 * starting from a = x, a' = 1, a'' = 0 at the input; the last layer is linear, so N = z, N' = z', N'' = z''.
 * The tanh lines are d/dx tanh(z) = (1 − tanh²z)·z' and, once more, d/dx[(1 − a²)·z'] = −2·a·a'·z' + (1 − a²)·z''.
 */
final class TangentMlp {
    /** A value with its first and (when asked for) second derivative along the input; d2 is null when not carried. */
    record Jet(SDVariable value, SDVariable d1, SDVariable d2) {
    }

    private final List<SDVariable> weights = new ArrayList<>();
    private final List<SDVariable> biases = new ArrayList<>();

    /** Xavier-uniform weights drawn from {@code seed}, zero biases: 1 → hidden… → 1. */
    TangentMlp(SameDiff sd, List<Integer> hidden, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> sizes = new ArrayList<>();
        sizes.add(1);
        sizes.addAll(hidden);
        sizes.add(1);
        for (int l = 0; l + 1 < sizes.size(); l++) {
            int in = sizes.get(l);
            int out = sizes.get(l + 1);
            double limit = Math.sqrt(6.0 / (in + out));
            float[] w = new float[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
            }
            weights.add(sd.var("W" + l, Nd4j.create(w, new long[] {in, out}, 'c')));
            biases.add(sd.var("b" + l, Nd4j.zeros(DataType.FLOAT, 1, out)));
        }
    }

    /** N, N' and (if {@code second}) N'' at the column of inputs {@code x} (shape n×1). */
    Jet forward(SameDiff sd, SDVariable x, boolean second) {
        int layers = weights.size();
        SDVariable a = x;
        SDVariable da = sd.onesLike(x);
        SDVariable d2a = null; // zero at the input: d²x/dx² = 0
        for (int l = 0; l < layers; l++) {
            SDVariable w = weights.get(l);
            SDVariable z = a.mmul(w).add(biases.get(l));
            SDVariable dz = da.mmul(w);
            SDVariable d2z = second && d2a != null ? d2a.mmul(w) : null;
            if (l == layers - 1) {
                return new Jet(z, dz, second ? (d2z != null ? d2z : dz.mul(0.0)) : null);
            }
            a = sd.math.tanh(z);
            SDVariable slope = a.mul(a).rsub(1.0); // tanh' = 1 − tanh²
            SDVariable newDa = slope.mul(dz);
            if (second) {
                SDVariable curvature = a.mul(newDa).mul(dz).mul(-2.0);
                d2a = d2z == null ? curvature : slope.mul(d2z).add(curvature);
            }
            da = newDa;
        }
        throw new IllegalStateException("a network has at least its output layer");
    }

    int parameterCount() {
        long n = 0;
        for (int l = 0; l < weights.size(); l++) {
            n += weights.get(l).getArr().length() + biases.get(l).getArr().length();
        }
        return (int) n;
    }
}
