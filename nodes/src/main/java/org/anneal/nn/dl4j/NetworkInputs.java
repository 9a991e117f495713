package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.nn.Shape;
import org.anneal.spec.NodeFailure;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The rows a network reads, in both layouts: the table's (numeric columns side by side, or one tensor column's
 * {@code [height, width, channels]} / {@code [time, channels]} / {@code [n]} rows, last axis fastest) and DL4J's
 * (images channels-first {@code [n, c, h, w]}, sequences {@code [n, c, t]}). Gradients travel back the other way, so an
 * explanation lands on the pixel or feature it belongs to.
 */
public final class NetworkInputs {
    private NetworkInputs() {
    }

    /** The shape of one sample the network reads from {@code t}: one value per numeric column, or the tensor column's shape. */
    public static Shape shapeOf(Table t, List<String> columns) {
        if (columns.size() == 1 && t.column(columns.get(0)).orElse(null) instanceof TensorColumn tc) {
            return new Shape(java.util.Arrays.stream(tc.shape().dims()).boxed().toList());
        }
        return Shape.flat(columns.size());
    }

    /** Row-major values of {@code columns} in the table layout, one row after another; refuses what a network cannot read. */
    public static float[] values(Table t, List<String> columns) {
        if (columns.size() == 1 && t.column(columns.get(0)).orElse(null) instanceof TensorColumn tc) {
            for (int r = 0; r < tc.size(); r++) {
                if (tc.isMissing(r)) {
                    throw new NodeFailure("Row " + (r + 1) + " of '" + tc.name() + "' is missing; a network cannot read it.",
                            "Drop the rows whose tensor failed to load first (prepare.drop-missing).");
                }
            }
            return tc.values();
        }
        for (String name : columns) {
            Column c = t.column(name).orElse(null);
            if (c instanceof TensorColumn) {
                throw new NodeFailure("The network reads the tensor column '" + name + "' together with other columns.",
                        "Feed a network either one tensor column or numeric columns only.");
            }
        }
        return TableArrays.features(t, columns);
    }

    /** Rows {@code index[from..to)} of table-layout {@code values} as DL4J's input array for samples of {@code shape}. */
    public static INDArray array(float[] values, Shape shape, int[] index, int from, int to) {
        int size = (int) shape.size();
        INDArray flat = TableArrays.rows(values, size, index, from, to);
        long n = to - from;
        return switch (shape.dims().size()) {
            case 1 -> flat;
            case 2 -> flat.reshape('c', n, shape.dim(0), shape.dim(1)).permute(0, 2, 1).dup('c');
            default -> flat.reshape('c', n, shape.dim(0), shape.dim(1), shape.dim(2)).permute(0, 3, 1, 2).dup('c');
        };
    }

    /** Every row of {@code values} (rows of {@code shape}) as DL4J's input array. */
    public static INDArray array(float[] values, Shape shape) {
        int n = (int) (values.length / shape.size());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return array(values, shape, all, 0, n);
    }

    /** An array in DL4J's layout (an input, or a gradient with respect to it) back in the table layout, one float[] per row. */
    public static float[][] tableLayout(INDArray a, Shape shape) {
        INDArray t = switch (shape.dims().size()) {
            case 1 -> a;
            case 2 -> a.permute(0, 2, 1);
            default -> a.permute(0, 2, 3, 1);
        };
        int n = (int) a.size(0);
        float[] flat = t.castTo(DataType.FLOAT).dup('c').reshape('c', n, shape.size()).data().asFloat();
        float[][] rows = new float[n][];
        int size = (int) shape.size();
        for (int r = 0; r < n; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * size, (r + 1) * size);
        }
        return rows;
    }
}
