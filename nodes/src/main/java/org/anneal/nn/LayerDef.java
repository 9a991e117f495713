package org.anneal.nn;

import org.anneal.spec.ConfigError;

/**
 * One layer of a network as Anneal describes it, independent of the library that trains it. Each layer block declares
 * its own: the block's {@code Params} record implements this interface (see {@code org.anneal.nodes.nn.LayerBlock}), so
 * a new block is one class. Shape inference and parameter counts are plain Java, so the editor shows them while a
 * student wires without loading DL4J's native code; each block's test checks them against DL4J's own per-layer
 * {@code getOutputType} and {@code numParams}. Errors name the node parameter at fault ({@code kernel}, {@code size})
 * or the input port {@value #IN} when the incoming shape is the wrong kind.
 */
public interface LayerDef {
    /** The input port of every layer block; shape-kind errors are located on it. */
    String IN = "in";

    /** Short name shown on the canvas and in summaries: {@code dense}, {@code conv2d}. */
    String kind();

    /** Shape of one sample after this layer, or a located error when {@code in} does not suit it. */
    Shape outputShape(Shape in) throws ConfigError;

    /** Parameters this layer holds for input {@code in} (only meaningful when {@link #outputShape} accepted it). */
    long params(Shape in);

    /**
     * This layer in DL4J for input {@code in}: a {@code org.deeplearning4j.nn.conf.layers.Layer}, an
     * {@code InputPreProcessor} for a layer that only reshapes (flatten), or null when the layer changes nothing for
     * this input. Typed {@code Object} so this package names no DL4J class; a block implements it by calling a nested
     * class {@code Dl4j}, which the JVM loads only when this method first runs, that is when a network trains.
     */
    Object dl4j(Shape in);

    /** The layer in a learner's description: its kind, and its size where it has one ({@code dense 32}). */
    default String describe() {
        return kind();
    }

    enum Padding {
        /** No padding: the output shrinks by kernel − 1 (DL4J's Truncate mode with zero padding). */
        VALID,
        /** Zero padding so that the output is ceil(input / stride) (DL4J's Same mode). */
        SAME
    }

    enum PoolKind { MAX, AVG }

    /**
     * Output length of a window of {@code window} sliding with {@code stride} over {@code length} positions.
     * VALID refuses a window larger than the input (DL4J's Truncate mode would shrink the output to nothing with only
     * a log line); the error is located on {@code param}.
     */
    static int slide(int length, int window, int stride, Padding padding, String param, String unit) throws ConfigError {
        if (padding == Padding.SAME) {
            return (length + stride - 1) / stride;
        }
        if (window > length) {
            throw ConfigError.atParam(param, "A window of " + window + " does not fit in an input " + length + " " + unit + ": "
                    + "the output would have no " + unit.replace(" high", "").replace(" wide", "") + " left.",
                    "Use a " + param + " of at most " + length + ", pad with padding 'same', or pool less before this layer.");
        }
        return (length - window) / stride + 1;
    }

    /** The [height, width] of an image layer's window parameter ({@code [3]} means 3×3), once {@link #checkPair} accepted it. */
    static int[] pair(java.util.List<Integer> values) {
        return new int[] {values.get(0), values.get(values.size() - 1)};
    }

    /** A located error on {@code param} unless {@code values} is [height, width] or one number for a square. */
    static int[] checkPair(java.util.List<Integer> values, String param) throws ConfigError {
        if (values.isEmpty() || values.size() > 2) {
            throw ConfigError.atParam(param, "'" + param + "' has " + values.size() + " entries; an image layer takes [height, width] "
                    + "or one number for a square.", "Write e.g. [3, 3] or [3].");
        }
        return pair(values);
    }

    /** The one window size of a sequence layer, or a located error on {@code param} when {@code values} gives two different axes. */
    static int checkSingle(java.util.List<Integer> values, String param) throws ConfigError {
        if (values.size() == 1 || (values.size() == 2 && values.get(0).equals(values.get(1)))) {
            return values.get(0);
        }
        throw ConfigError.atParam(param, "A sequence has one axis (time), but '" + param + "' is " + values + ".",
                values.isEmpty() ? "Give one number, e.g. [2]." : "Give one number, e.g. [" + values.get(0) + "].");
    }
}
