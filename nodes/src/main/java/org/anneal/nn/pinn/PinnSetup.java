package org.anneal.nn.pinn;

import java.util.List;

/**
 * What {@code model.pinn} asks the trainer for: the problem, where it is solved, the network and how long to train.
 * With data points the rate is unknown: it becomes a trainable variable started at {@code coefficients.rate()}.
 *
 * @param collocation points in [t0, t1] where the equation's residual is driven to zero (evenly spaced, ends included)
 * @param hidden      units of each tanh hidden layer
 * @param steps       Adam steps, each on every collocation point
 * @param dataT       times of measured points, or null for a forward problem
 * @param dataU       measured values at {@code dataT}
 */
public record PinnSetup(OdeProblem problem, OdeProblem.Coefficients coefficients, OdeProblem.Domain domain, int collocation,
                        List<Integer> hidden, int steps, double learningRate, double[] dataT, double[] dataU) {
    public PinnSetup {
        hidden = List.copyOf(hidden);
        if ((dataT == null) != (dataU == null) || dataT != null && dataT.length != dataU.length) {
            throw new IllegalArgumentException("data times and values must come together and match in length");
        }
        dataT = dataT == null ? null : dataT.clone();
        dataU = dataU == null ? null : dataU.clone();
    }

    /** Whether measured points make this an inverse problem (the rate is estimated). */
    public boolean inverse() {
        return dataT != null;
    }

    public double span() {
        return domain.t1() - domain.t0();
    }

    /** The network's input coordinate τ = 2·(t − t0)/(t1 − t0) − 1, which runs over [−1, 1]. */
    public double tau(double t) {
        return 2 * (t - domain.t0()) / span() - 1;
    }
}
