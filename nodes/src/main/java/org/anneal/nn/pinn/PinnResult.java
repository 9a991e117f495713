package org.anneal.nn.pinn;

/**
 * A trained PINN read out on an even grid over the domain, with its loss history.
 *
 * @param t            grid times
 * @param u            the network's solution at {@code t}
 * @param residual     the equation's residual at {@code t}, in the units of du/dt (d²u/dt² for the oscillator)
 * @param physicsLoss  per step (step 0 = before training): mean squared scaled residual at the collocation points
 * @param dataLoss     per step: mean squared scaled misfit of the data points; null for a forward problem
 * @param rate         the rate the network ended with: estimated for an inverse problem, else the given one
 * @param rateHistory  per step, the rate (constant for a forward problem)
 * @param seconds      wall time of the training steps alone
 */
public record PinnResult(double[] t, double[] u, double[] residual, double[] physicsLoss, double[] dataLoss,
                         double rate, double[] rateHistory, double seconds) {

    public int stepsDone() {
        return physicsLoss.length - 1;
    }

    public double totalLoss(int step) {
        return physicsLoss[step] + (dataLoss == null ? 0 : dataLoss[step]);
    }
}
