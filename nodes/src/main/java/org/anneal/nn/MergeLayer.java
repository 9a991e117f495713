package org.anneal.nn;

import java.util.List;
import org.anneal.spec.ConfigError;

/**
 * Where two branches of a network meet ({@code nn.merge}): the chain it sits in is one branch, {@link #branch} the other
 * (a network from the same input; the layers both share are the very same {@link LayerDef} objects, because both wires
 * carry copies of one upstream value). {@code CONCAT} stacks the two along the last axis (channels of an image or a
 * sequence, features of a vector), the U-Net skip; {@code ADD} sums them element by element, the residual connection.
 * A network holding one is a graph, trained as DL4J's {@code ComputationGraph} ({@code Dl4jGraphs}); every other network
 * stays a chain.
 */
public record MergeLayer(Mode mode, Network branch) implements LayerDef {

    public enum Mode {
        /** Stack along channels (features of a vector): sizes must match, channels add up. */
        CONCAT,
        /** Sum element by element: the two shapes must be equal. */
        ADD
    }

    /** The port of nn.merge where the second branch arrives; a size mismatch is located there. */
    public static final String SKIP = "skip";

    @Override
    public String kind() {
        return mode == Mode.CONCAT ? "concat" : "add";
    }

    @Override
    public String describe() {
        return kind() + " with [" + branch.layers().stream().map(LayerDef::describe).reduce((a, b) -> a + " → " + b).orElse("input") + "]";
    }

    @Override
    public Shape outputShape(Shape in) throws ConfigError {
        return combine(in, branch.output(), mode);
    }

    /** DL4J's MergeVertex or ElementWiseVertex (a graph vertex, not a layer: only a ComputationGraph takes it). */
    @Override
    public Object dl4j(Shape in) {
        return org.anneal.nn.dl4j.Dl4jGraphs.vertex(mode);
    }

    /**
     * The shape where {@code a} (the {@code in} port) and {@code b} (the {@code skip} port) meet, or a located error that
     * names the sizes that differ and what would make them match.
     */
    public static Shape combine(Shape a, Shape b, Mode mode) throws ConfigError {
        if (a.dims().size() != b.dims().size()) {
            throw ConfigError.atPort(SKIP, "The two wires carry different kinds of sample: 'in' is " + a.describe() + ", 'skip' is "
                    + b.describe() + ".", "Merge two images, two sequences or two vectors; summarise an image with nn.global-pool or "
                    + "nn.flatten before merging it with a vector.");
        }
        List<Integer> da = a.dims();
        List<Integer> db = b.dims();
        int spatial = da.size() - 1; // every axis but the channels
        for (int i = 0; i < spatial; i++) {
            if (!da.get(i).equals(db.get(i))) {
                throw ConfigError.atPort(SKIP, "The two wires differ in " + (a.isImage() ? "image size" : "length") + ": 'in' is "
                        + a.text() + ", 'skip' is " + b.text() + "; " + (mode == Mode.CONCAT ? "stacking channels" : "adding")
                        + " needs the same " + (a.isImage() ? "height and width" : "number of time steps") + ".", resize(da.get(i), db.get(i)));
            }
        }
        if (mode == Mode.ADD) {
            if (a.channels() != b.channels()) {
                throw ConfigError.atPort(SKIP, "Adding needs the same number of " + (a.isFlat() ? "features" : "channels") + ", but 'in' has "
                        + a.channels() + " and 'skip' " + b.channels() + ".", "Give the last layer of one branch " + a.channels()
                        + " filters or units, or use mode 'concat', which stacks them.");
            }
            return a;
        }
        List<Integer> out = new java.util.ArrayList<>(da);
        out.set(spatial, a.channels() + b.channels());
        return new Shape(out);
    }

    /** The fix for a size mismatch: pool the larger branch or upsample the smaller by their ratio. */
    private static String resize(int in, int skip) {
        int big = Math.max(in, skip);
        int small = Math.min(in, skip);
        String larger = in > skip ? "'in'" : "'skip'";
        String smaller = in > skip ? "'skip'" : "'in'";
        if (big % small == 0) {
            int f = big / small;
            return "Put nn.upsample (size " + f + ") on the " + smaller + " branch, or nn.pool (size " + f + ", stride " + f + ") on the "
                    + larger + " branch, so both are " + small + " or both " + big + ".";
        }
        return "Put nn.upsample on the " + smaller + " branch or nn.pool on the " + larger + " branch; with padding 'valid' each "
                + "convolution also trims kernel − 1 pixels, so use padding 'same' in a U-Net.";
    }
}
