package org.anneal.ml;

import org.anneal.data.Table;

/**
 * A model that predicts a mask for every row: the class number of every pixel of the row's image (a per-pixel
 * classifier, {@link org.anneal.spec.Task#SEGMENTATION}). {@code evaluate.predict} writes the masks as a tensor column
 * that {@code evaluate.segmentation} scores; {@link #predict} gives one number per row, the share of pixels given a class
 * other than the first (the predicted phase fraction when class 0 is the matrix).
 */
public interface MaskModel extends TrainedModel {
    /** Height and width of the masks. */
    int[] maskSize();

    /** The masks of the rows of {@code data}, row after row, each height × width class numbers (row-major). */
    float[] masks(Table data);
}
