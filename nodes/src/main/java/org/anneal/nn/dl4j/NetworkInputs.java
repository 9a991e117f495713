package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.nn.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The other direction of {@link TableArrays}: arrays in DL4J's layout (images channels-first {@code [n, c, h, w]},
 * sequences {@code [n, c, t]}) back in the table's (a tensor column's {@code [height, width, channels]} /
 * {@code [time, channels]} rows, last axis fastest), so a gradient with respect to the input lands on the pixel or
 * feature it belongs to; and the sample shape a table offers.
 */
public final class NetworkInputs {
    private NetworkInputs() {
    }

    /** The shape of one sample read from {@code t}: one value per numeric column, or the tensor column's shape. */
    public static Shape shapeOf(Table t, List<String> columns) {
        if (columns.size() == 1 && t.column(columns.get(0)).orElse(null) instanceof TensorColumn tc) {
            return new Shape(java.util.Arrays.stream(tc.shape().dims()).boxed().toList());
        }
        return Shape.flat(columns.size());
    }

    /** Every row of {@code values} (rows of {@code shape}, flattened as {@link TableArrays#inputs} gives them) as one array. */
    static INDArray all(float[] values, Shape shape) {
        int n = (int) (values.length / shape.size());
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return TableArrays.rows(values, shape, index, 0, n);
    }

    /** An array in DL4J's layout (an input, or a gradient with respect to it) back in the table layout, one float[] per row. */
    public static float[][] tableLayout(INDArray a, Shape shape) {
        INDArray t = switch (shape.dims().size()) {
            case 1 -> a;
            case 2 -> a.permute(0, 2, 1);
            default -> a.permute(0, 2, 3, 1);
        };
        int n = (int) a.size(0);
        int size = (int) shape.size();
        float[] flat = t.castTo(DataType.FLOAT).dup('c').reshape('c', n, size).data().asFloat();
        float[][] rows = new float[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * size, (r + 1) * size);
        }
        return rows;
    }
}
