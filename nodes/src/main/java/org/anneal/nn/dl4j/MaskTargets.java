package org.anneal.nn.dl4j;

import java.util.List;
import java.util.TreeSet;
import org.anneal.data.TensorColumn;
import org.anneal.spec.NodeFailure;

/**
 * Masks (one class number per pixel, as {@code phase_mask} or {@code image.segment}'s mask hold them) as the targets of a
 * per-pixel classifier: the classes are the distinct values of the training masks, in increasing order, and each row's
 * mask becomes one-hot channels in DL4J's channels-first layout {@code [classes, height, width]}, the labels DL4J's
 * {@code CnnLossLayer} scores with a softmax over the classes at every pixel.
 */
final class MaskTargets {
    private MaskTargets() {
    }

    /** The class values in the masks of {@code col}, in increasing order. */
    static List<Integer> classes(TensorColumn col) {
        TreeSet<Integer> seen = new TreeSet<>();
        float[] v = col.values();
        for (int row = 0; row < col.size(); row++) {
            requirePresent(col, row);
            for (int i = col.offset(row); i < col.offset(row) + col.rowSize(); i++) {
                seen.add(classOf(col, v[i]));
            }
        }
        if (seen.size() < 2) {
            throw new NodeFailure("Every pixel of the training masks in '" + col.name() + "' has the class " + seen + ": there is nothing to "
                    + "tell apart.", "Train on images that show more than one phase.");
        }
        return List.copyOf(seen);
    }

    /** Each row's mask as one-hot channels-first [classes × height × width], row after row. */
    static float[] oneHot(TensorColumn col, List<Integer> classes) {
        int px = col.rowSize();
        int k = classes.size();
        float[] out = new float[col.size() * k * px];
        float[] v = col.values();
        for (int row = 0; row < col.size(); row++) {
            requirePresent(col, row);
            for (int p = 0; p < px; p++) {
                int c = classes.indexOf(classOf(col, v[col.offset(row) + p]));
                if (c < 0) {
                    throw new NodeFailure("Row " + (row + 1) + " of '" + col.name() + "' holds the class " + Math.round(v[col.offset(row) + p])
                            + ", which no training mask has (they hold " + classes + ").", "Train on rows that show every class.");
                }
                out[(row * k + c) * px + p] = 1f;
            }
        }
        return out;
    }

    private static int classOf(TensorColumn col, float value) {
        int c = Math.round(value);
        if (!(c >= 0 && c <= 255 && Math.abs(value - c) < 1e-3)) {
            throw new NodeFailure("Column '" + col.name() + "' holds " + value + ", not a class number from 0 to 255.",
                    "Use a mask as the target (the generator's phase_mask, image.segment's mask), not a grey image.");
        }
        return c;
    }

    private static void requirePresent(TensorColumn col, int row) {
        if (col.isMissing(row)) {
            throw new NodeFailure("Row " + (row + 1) + " has no mask in '" + col.name() + "'.", "Drop the rows without a mask first.");
        }
    }
}
