package org.anneal.nodes.model;

import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IObjective;

/**
 * The pinball (quantile) loss for xgboost4j's custom-objective hook, which XGBoost 1.6 lacks as a built-in objective:
 * L(y, f) = τ·(y − f) above the prediction, (1 − τ)·(f − y) below it. Its gradient in f is −τ where y &gt; f and 1 − τ
 * where y &lt; f (0 at y = f). Its second derivative is 0 almost everywhere, so XGBoost's Newton step needs a constant
 * stand-in h: a leaf then moves by eta·(τ·n_above − (1 − τ)·n_below)/(h·n + λ), whose fixed point (a share 1 − τ of the
 * leaf's rows above it) is the τ-quantile whatever h is. h sets the speed. With h = 1 a 95 % quantile whose rows all
 * lie below it moves down by only 0.05·eta standard deviations per round: after 200 rounds the 90 % interval on
 * heteroscedastic test data was still 5.9 wide where the truth is 1.5. With h = 4·min(τ, 1 − τ) (0.2 for the 5 % and
 * 95 % quantiles, 2 for the median) the slow side moves at eta/4 per round. An asymmetric hessian (τ above, 1 − τ below)
 * moved fast both ways but overshot and settled narrow (0.74 coverage on fresh rows); a smoothed (Huberised) pinball adds
 * a width to choose and biases the quantile inside it.
 */
final class PinballObjective implements IObjective {
    private static final long serialVersionUID = 1L;
    private final float[] labels;
    private final float tau;

    PinballObjective(float[] labels, double tau) {
        this.labels = labels.clone();
        this.tau = (float) tau;
    }

    @Override
    public List<float[]> getGradient(float[][] predicts, DMatrix dtrain) {
        int n = predicts.length;
        float[] grad = new float[n];
        float[] hess = new float[n];
        java.util.Arrays.fill(hess, hessian(tau));
        for (int i = 0; i < n; i++) {
            grad[i] = gradient(labels[i], predicts[i][0], tau);
        }
        return List.of(grad, hess);
    }

    /** The constant stand-in for the second derivative, 4·min(τ, 1 − τ). */
    static float hessian(float tau) {
        return 4 * Math.min(tau, 1 - tau);
    }

    /** ∂L/∂f of the pinball loss at label {@code y} and prediction {@code f}. */
    static float gradient(float y, float f, float tau) {
        return y > f ? -tau : y < f ? 1 - tau : 0f;
    }
}
