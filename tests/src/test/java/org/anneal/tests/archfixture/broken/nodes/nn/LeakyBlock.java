package org.anneal.tests.archfixture.broken.nodes.nn;

/** A layer block that builds its DL4J layer in the block itself, so configuring it could load DL4J. */
public final class LeakyBlock {
    public Object dl4j() {
        return new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nOut(2).build();
    }
}
