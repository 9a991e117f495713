package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;

/**
 * What a graph network learns to output, fixed on the training rows: one value (regression), one-hot classes
 * (classification, the classes in the training column's order) or one-hot classes at every pixel (segmentation, the
 * class numbers the training masks hold). {@link #code} turns any rows' target into labels with the same classes, so
 * validation rows are coded like the training rows.
 *
 * @param classes    class names (segmentation: the class numbers as text); empty for regression
 * @param maskValues segmentation only: the class number of each output channel
 * @param labelDims  the shape of one row's labels in DL4J's layout: {@code [outputs]} or {@code [classes, height, width]}
 */
record GraphTargets(Task task, List<String> classes, List<Integer> maskValues, long[] labelDims) {

    static GraphTargets of(Task task, Column y) {
        return switch (task) {
            case REGRESSION -> new GraphTargets(task, List.of(), List.of(), new long[] {1});
            case SEGMENTATION -> {
                TensorColumn masks = requireMasks(y);
                List<Integer> values = MaskTargets.classes(masks);
                int[] d = masks.shape().dims();
                yield new GraphTargets(task, values.stream().map(String::valueOf).toList(), values, new long[] {values.size(), d[0], d[1]});
            }
            default -> {
                List<String> levels = ((CategoricalColumn) y).levels();
                yield new GraphTargets(task, levels, List.of(), new long[] {levels.size()});
            }
        };
    }

    /** Values in one row's labels. */
    int width() {
        long w = 1;
        for (long d : labelDims) {
            w *= d;
        }
        return (int) w;
    }

    /** The labels of the target column {@code target} of {@code rows}, row after row, or a clear failure when they cannot be coded. */
    float[] code(Table rows, String target) {
        Column y = rows.column(target).orElseThrow(() -> new NodeFailure("The rows have no target column '" + target + "'.",
                "Wire rows from the same source as the training rows."));
        if (y.missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has " + y.missingCount() + " missing value(s).", "Drop rows without a target first.");
        }
        int n = rows.rowCount();
        return switch (task) {
            case REGRESSION -> {
                double[] v = ((NumericColumn) y).values();
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) v[i];
                }
                yield out;
            }
            case SEGMENTATION -> MaskTargets.oneHot(requireMasks(y), maskValues);
            default -> {
                CategoricalColumn c = (CategoricalColumn) y;
                float[] out = new float[n * classes.size()];
                for (int i = 0; i < n; i++) {
                    int k = classes.indexOf(c.get(i));
                    if (k < 0) {
                        throw new NodeFailure("These rows hold the class '" + c.get(i) + "', which no training row has.",
                                "Split so that every class is on the training side (stratify the split).");
                    }
                    out[i * classes.size() + k] = 1f;
                }
                yield out;
            }
        };
    }

    private static TensorColumn requireMasks(Column y) {
        if (y instanceof TensorColumn t && t.shape().rank() == 3 && t.shape().dims()[2] == 1) {
            return t;
        }
        throw new NodeFailure("Per-pixel classification needs a mask column (one class per pixel) as the target; '" + y.name() + "' is not one.",
                "Make a mask column the target (data.set-target phase_mask).");
    }
}
