package org.anneal.tests.archfixture.broken.nodes.model;

import org.anneal.tests.archfixture.broken.nodes.loss.Loss;

/** A cycle inside the node library: model uses loss, and loss uses model (as model/loss/optim did). */
public class GradientLearner {
    Loss loss;
}
