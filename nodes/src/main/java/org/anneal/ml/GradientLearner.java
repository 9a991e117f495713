package org.anneal.ml;

import org.anneal.ml.loss.Loss;
import org.anneal.ml.optim.Optimizer;

/**
 * A learner trained by gradient steps on an explicit loss with an explicit optimizer; {@code train.fit} swaps in
 * the LOSS and OPTIMIZER wired to it. Without wires it keeps the defaults it was made with.
 */
public interface GradientLearner extends Learner {
    Loss loss();

    Optimizer optimizer();

    /** This learner with the given loss and optimizer; a null argument keeps the current one. */
    GradientLearner with(Loss loss, Optimizer optimizer);
}
