package org.anneal.ml.optim;

/** A model trained by gradient steps that remembers how its training loss fell, epoch by epoch. */
public interface TrainingCurve {
    /** The loss minimised, e.g. "Huber loss (delta = 1.0)". */
    String lossName();

    /** Mean training loss before training (index 0) and after each epoch. */
    double[] lossPerEpoch();
}
