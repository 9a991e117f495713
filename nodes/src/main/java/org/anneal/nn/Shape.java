package org.anneal.nn;

import java.util.List;
import org.anneal.spec.NetworkSpec;

/**
 * The shape of one sample inside a network, in the tensor-column convention: {@code [n]} a feature vector,
 * {@code [time, channels]} a sequence, {@code [height, width, channels]} an image.
 */
public record Shape(List<Integer> dims) {
    public Shape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.size() > 3) {
            throw new IllegalArgumentException("a sample has 1 to 3 axes: " + dims);
        }
    }

    public static Shape flat(int n) {
        return new Shape(List.of(n));
    }

    public static Shape sequence(int time, int channels) {
        return new Shape(List.of(time, channels));
    }

    public static Shape image(int height, int width, int channels) {
        return new Shape(List.of(height, width, channels));
    }

    public boolean isFlat() {
        return dims.size() == 1;
    }

    public boolean isSequence() {
        return dims.size() == 2;
    }

    public boolean isImage() {
        return dims.size() == 3;
    }

    public int dim(int i) {
        return dims.get(i);
    }

    /** The last axis: features, or channels of a sequence or an image. */
    public int channels() {
        return dims.get(dims.size() - 1);
    }

    /** Numbers in one sample. */
    public long size() {
        long s = 1;
        for (int d : dims) {
            s *= d;
        }
        return s;
    }

    /** "a vector of 8", "a sequence of 100 steps × 3 channels", "a 64×64×1 image": for messages. */
    public String describe() {
        return switch (dims.size()) {
            case 1 -> "a vector of " + dims.get(0);
            case 2 -> "a sequence of " + dims.get(0) + " steps × " + dims.get(1) + " channels";
            default -> "a " + text() + " image";
        };
    }

    public String text() {
        return NetworkSpec.shapeText(dims);
    }
}
