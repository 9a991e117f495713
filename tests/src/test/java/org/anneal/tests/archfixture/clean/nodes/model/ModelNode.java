package org.anneal.tests.archfixture.clean.nodes.model;

import org.anneal.tests.archfixture.clean.ml.loss.Loss;

/** Takes the loss value from the ground, never from the loss nodes' package. */
public class ModelNode {
    public String fit(Loss loss) {
        return loss.kind();
    }
}
