package org.anneal.ml.optim;

/** A model trained by gradient steps that remembers how its training loss fell, epoch by epoch. */
public interface TrainingCurve {
    /** The loss minimised, e.g. "Huber loss (delta = 1.0)". */
    String lossName();

    /** Mean training loss before training (index 0) and after each epoch. */
    double[] lossPerEpoch();

    /**
     * A physics penalty's value P (before its weight λ) before training and after each epoch, when the loss carried one;
     * {@link #lossPerEpoch} is then the data loss alone. Null without a penalty.
     */
    default double[] penaltyPerEpoch() {
        return null;
    }
}
