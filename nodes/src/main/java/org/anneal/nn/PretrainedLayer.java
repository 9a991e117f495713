package org.anneal.nn;

import org.anneal.spec.ConfigError;

/**
 * A layer that starts from learnt weights instead of random ones: the layer it wraps, the weights in DL4J's flattened
 * order for that layer, and whether training may change them ({@code frozen}: a feature extractor) or only starts
 * from them (fine-tuning). Shapes and parameter counts are the wrapped layer's.
 */
public record PretrainedLayer(LayerDef layer, float[] weights, boolean frozen) implements LayerDef {
    public PretrainedLayer {
        weights = weights.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    @Override
    public String kind() {
        return layer.kind();
    }

    @Override
    public String describe() {
        return (frozen ? "frozen " : "pretrained ") + layer.describe();
    }

    @Override
    public Shape outputShape(Shape in) throws ConfigError {
        return layer.outputShape(in);
    }

    @Override
    public long params(Shape in) {
        return layer.params(in);
    }

    @Override
    public Object dl4j(Shape in) {
        return layer.dl4j(in);
    }
}
