package org.anneal.nn;

import org.anneal.spec.ConfigError;

/**
 * One layer of a network as Anneal describes it, independent of the library that trains it. Shape inference and
 * parameter counts are plain Java here, so the editor can show them while a student wires without loading DL4J's
 * native code; {@code LayerDefTest} checks them against DL4J's own per-layer {@code getOutputType} and
 * {@code numParams}. Errors name the node parameter at fault ({@code kernel}, {@code size}) or the input port
 * {@value #IN} when the incoming shape is the wrong kind.
 */
public sealed interface LayerDef {
    /** The input port of every layer block; shape-kind errors are located on it. */
    String IN = "in";

    /** Short name shown on the canvas and in summaries: {@code dense}, {@code conv2d}. */
    String kind();

    /** Shape of one sample after this layer, or a located error when {@code in} does not suit it. */
    Shape outputShape(Shape in) throws ConfigError;

    /** Parameters this layer holds for input {@code in} (only meaningful when {@link #outputShape} accepted it). */
    long params(Shape in);

    enum Padding {
        /** No padding: the output shrinks by kernel − 1 (DL4J's Truncate mode with zero padding). */
        VALID,
        /** Zero padding so that the output is ceil(input / stride) (DL4J's Same mode). */
        SAME
    }

    enum PoolKind { MAX, AVG }

    /** A fully connected layer: every output sees every input. */
    record Dense(int units, Activation activation) implements LayerDef {
        public String kind() {
            return "dense";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (!in.isFlat()) {
                throw ConfigError.atPort(IN, "A dense layer takes a vector, but its input is " + in.describe() + ".",
                        "Put nn.flatten or nn.global-pool before it.");
            }
            return Shape.flat(units);
        }

        public long params(Shape in) {
            return in.size() * units + units;
        }
    }

    /** Zeroes each input with probability {@code drop} during training; passes everything at prediction. */
    record Dropout(double drop) implements LayerDef {
        public String kind() {
            return "dropout";
        }

        public Shape outputShape(Shape in) {
            return in;
        }

        public long params(Shape in) {
            return 0;
        }
    }

    /** Normalises each feature (or channel) over the minibatch; learns a scale and shift and keeps running mean and variance. */
    record BatchNorm() implements LayerDef {
        public String kind() {
            return "batch-norm";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (in.isSequence()) {
                throw ConfigError.atPort(IN, "Batch normalisation takes a vector or an image, but its input is " + in.describe() + ".",
                        "Normalise after nn.lstm (last step) or nn.global-pool instead.");
            }
            return in;
        }

        public long params(Shape in) {
            return 4L * in.channels(); // gamma, beta, running mean and running variance, as DL4J and Keras count them
        }
    }

    /** A 1D convolution along the time axis of a sequence. */
    record Conv1d(int filters, int kernel, int stride, Padding padding, Activation activation) implements LayerDef {
        public String kind() {
            return "conv1d";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (!in.isSequence()) {
                throw ConfigError.atPort(IN, "A 1D convolution slides along a sequence, but its input is " + in.describe() + ".",
                        in.isImage() ? "Use nn.conv2d for images." : "Feed it a sequence column ([time, channels]).");
            }
            return Shape.sequence(slide(in.dim(0), kernel, stride, padding, "kernel", "time steps"), filters);
        }

        public long params(Shape in) {
            return (long) kernel * in.channels() * filters + filters;
        }
    }

    /** A 2D convolution with square kernels over an image. */
    record Conv2d(int filters, int kernel, int stride, Padding padding, Activation activation) implements LayerDef {
        public String kind() {
            return "conv2d";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (!in.isImage()) {
                throw ConfigError.atPort(IN, "A 2D convolution slides over an image, but its input is " + in.describe() + ".",
                        in.isSequence() ? "Use nn.conv1d for sequences." : "Feed it an image column ([height, width, channels]).");
            }
            return Shape.image(slide(in.dim(0), kernel, stride, padding, "kernel", "pixels high"),
                    slide(in.dim(1), kernel, stride, padding, "kernel", "pixels wide"), filters);
        }

        public long params(Shape in) {
            return (long) kernel * kernel * in.channels() * filters + filters;
        }
    }

    /** Max or average pooling over square windows of an image, or windows of a sequence. */
    record Pool(PoolKind pool, int size, int stride) implements LayerDef {
        public String kind() {
            return pool == PoolKind.MAX ? "max-pool" : "avg-pool";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (in.isFlat()) {
                throw ConfigError.atPort(IN, "Pooling takes an image or a sequence, but its input is " + in.describe() + ".",
                        "Pool before nn.flatten, not after it.");
            }
            if (in.isSequence()) {
                return Shape.sequence(slide(in.dim(0), size, stride, Padding.VALID, "size", "time steps"), in.channels());
            }
            return Shape.image(slide(in.dim(0), size, stride, Padding.VALID, "size", "pixels high"),
                    slide(in.dim(1), size, stride, Padding.VALID, "size", "pixels wide"), in.channels());
        }

        public long params(Shape in) {
            return 0;
        }
    }

    /** Pools each channel over the whole image or sequence into one number. */
    record GlobalPool(PoolKind pool) implements LayerDef {
        public String kind() {
            return pool == PoolKind.MAX ? "global-max-pool" : "global-avg-pool";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (in.isFlat()) {
                throw ConfigError.atPort(IN, "Global pooling takes an image or a sequence, but its input is " + in.describe() + ".",
                        "Remove it: the input is a vector already.");
            }
            return Shape.flat(in.channels());
        }

        public long params(Shape in) {
            return 0;
        }
    }

    /** Lays an image out as one vector (channels first, as DL4J stores images), so dense layers can follow. */
    record Flatten() implements LayerDef {
        public String kind() {
            return "flatten";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (in.isSequence()) {
                throw ConfigError.atPort(IN, "Flattening a sequence mixes its time steps into one vector, which DL4J does not support.",
                        "Summarise the sequence with nn.lstm (last step) or nn.global-pool instead.");
            }
            return Shape.flat((int) in.size());
        }

        public long params(Shape in) {
            return 0;
        }
    }

    /** A long short-term memory layer; gives its last step (a vector) or every step (a sequence). */
    record Lstm(int units, boolean everyStep) implements LayerDef {
        public String kind() {
            return "lstm";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (!in.isSequence()) {
                throw ConfigError.atPort(IN, "An LSTM reads a sequence step by step, but its input is " + in.describe() + ".",
                        in.isImage() ? "Use convolutions (nn.conv2d) for images, or feed the LSTM a signal column ([time, channels])."
                                : "Feed it a sequence column ([time, channels]); for a plain table use nn.dense.");
            }
            return everyStep ? Shape.sequence(in.dim(0), units) : Shape.flat(units);
        }

        public long params(Shape in) {
            // input weights, recurrent weights and biases of the four gates
            return 4L * units * (in.channels() + units) + 4L * units;
        }
    }

    /** Repeats every pixel (or time step) {@code size} times along each axis. */
    record Upsample(int size) implements LayerDef {
        public String kind() {
            return "upsample";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (in.isFlat()) {
                throw ConfigError.atPort(IN, "Upsampling takes an image or a sequence, but its input is " + in.describe() + ".",
                        "Upsample before nn.flatten, not after it.");
            }
            return in.isSequence() ? Shape.sequence(in.dim(0) * size, in.channels())
                    : Shape.image(in.dim(0) * size, in.dim(1) * size, in.channels());
        }

        public long params(Shape in) {
            return 0;
        }
    }

    /**
     * Output length of a window of {@code window} sliding with {@code stride} over {@code length} positions.
     * VALID refuses a window larger than the input (DL4J's Truncate mode would shrink the output to nothing with only
     * a log line).
     */
    private static int slide(int length, int window, int stride, Padding padding, String param, String unit) throws ConfigError {
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
}
