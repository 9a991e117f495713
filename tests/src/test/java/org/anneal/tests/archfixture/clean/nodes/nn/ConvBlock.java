package org.anneal.tests.archfixture.clean.nodes.nn;

/** A layer block as the rule allows it: DL4J only in its nested class Dl4j, reached by a static call. */
public final class ConvBlock {
    public Object dl4j() {
        return Dl4j.layer();
    }

    static final class Dl4j {
        static org.deeplearning4j.nn.conf.layers.Layer layer() {
            return new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nOut(2).build();
        }
    }
}
