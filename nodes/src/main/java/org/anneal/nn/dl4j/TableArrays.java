package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.nn.Shape;
import org.anneal.spec.NodeFailure;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Table columns as float32 arrays for a network, refusing what a network cannot read. A network reads numeric columns
 * (one sample a vector) or one tensor column (an image, a signal window, a spectrum); tensors are stored channels last
 * (Anneal's convention) and handed to DL4J channels first, as its convolution and recurrent layers expect.
 */
final class TableArrays {
    private TableArrays() {
    }

    /** One sample per row, flattened in DL4J's order: {@code [rows × input.size()]}. */
    static float[] inputs(Table t, List<String> columns, Shape input) {
        if (columns.size() == 1 && t.column(columns.get(0)).orElse(null) instanceof TensorColumn tensor) {
            return channelsFirst(tensor, input);
        }
        return features(t, columns);
    }

    /** Row-major [rows × columns] values of numeric input columns. */
    static float[] features(Table t, List<String> columns) {
        int n = t.rowCount();
        int k = columns.size();
        float[] out = new float[n * k];
        for (int j = 0; j < k; j++) {
            String name = columns.get(j);
            Column c = t.column(name).orElseThrow(() -> new NodeFailure("The network reads column '" + name + "', which this table lacks.",
                    "Feed the network tables with the columns its nn.input block chose."));
            if (!(c instanceof NumericColumn num)) {
                throw new NodeFailure("The network reads '" + name + "', which holds " + (c instanceof TensorColumn ? "tensors" : "categories")
                        + ", not numbers.", "Encode it (prepare.one-hot) or leave it out of nn.input's columns.");
            }
            double[] v = num.values();
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(v[i])) {
                    throw new NodeFailure("Column '" + name + "' has missing values; a network cannot read them.",
                            "Impute or drop the missing values first (prepare.impute, prepare.drop-missing).");
                }
                out[i * k + j] = (float) v[i];
            }
        }
        return out;
    }

    /** Each row's tensor moved from [h, w, c] to [c, h, w] (sequences [t, c] to [c, t]). */
    private static float[] channelsFirst(TensorColumn col, Shape input) {
        if (col.shape().size() != input.size()) {
            throw new NodeFailure("Column '" + col.name() + "' holds tensors of " + col.shape().dimsText() + ", but the network was built for "
                    + input.text() + ".", "Feed the network tables whose tensors have the shape its nn.input block saw.");
        }
        int n = col.size();
        int size = (int) input.size();
        int c = input.channels();
        int positions = size / c;
        float[] values = col.values();
        float[] out = new float[n * size];
        for (int row = 0; row < n; row++) {
            if (col.isMissing(row)) {
                throw new NodeFailure("Row " + (row + 1) + " of column '" + col.name() + "' has no tensor; a network cannot read it.",
                        "Drop the rows without a tensor first.");
            }
            int from = col.offset(row);
            int to = row * size;
            if (input.isFlat()) {
                System.arraycopy(values, from, out, to, size);
                continue;
            }
            for (int p = 0; p < positions; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[to + ch * positions + p] = values[from + p * c + ch];
                }
            }
        }
        return out;
    }

    /** DL4J's array shape of {@code rows} samples of {@code input}: channels first. */
    static long[] arrayShape(int rows, Shape input) {
        return switch (input.dims().size()) {
            case 1 -> new long[] {rows, input.dim(0)};
            case 2 -> new long[] {rows, input.dim(1), input.dim(0)};
            default -> new long[] {rows, input.dim(2), input.dim(0), input.dim(1)};
        };
    }

    /** The rows {@code index} of a row-major [n × width] array, as a [index.length × width] float32 matrix. */
    static INDArray rows(float[] data, int width, int[] index, int from, int to) {
        return rows(data, Shape.flat(width), index, from, to);
    }

    /**
     * Minibatches of one size drawn from the same rows again and again. A full-size minibatch is copied into one array
     * allocated once, so a training step allocates (and later frees) no native memory; only a shorter last minibatch gets
     * its own. DL4J reads a minibatch only during its {@code fit} call, so refilling the array for the next step is safe.
     */
    static final class Batches {
        private final float[] data;
        private final Shape sample;
        private final int width;
        private final int size;
        private final float[] staging;
        private INDArray array;

        Batches(float[] data, Shape sample, int size) {
            this.data = data;
            this.sample = sample;
            this.width = (int) sample.size();
            this.size = size;
            this.staging = new float[size * width];
        }

        /** The rows {@code index[from..to)}, in the same array each time when there are {@code size} of them. */
        INDArray rows(int[] index, int from, int to) {
            if (to - from != size) {
                return TableArrays.rows(data, sample, index, from, to);
            }
            for (int r = from; r < to; r++) {
                System.arraycopy(data, index[r] * width, staging, (r - from) * width, width);
            }
            if (array == null) {
                array = Nd4j.create(DataType.FLOAT, arrayShape(size, sample), 'c');
            }
            array.data().setData(staging);
            return array;
        }
    }

    /** The rows {@code index[from..to)} of samples of {@code sample}, as one float32 array in DL4J's layout. */
    static INDArray rows(float[] data, Shape sample, int[] index, int from, int to) {
        int width = (int) sample.size();
        float[] part = new float[(to - from) * width];
        for (int r = from; r < to; r++) {
            System.arraycopy(data, index[r] * width, part, (r - from) * width, width);
        }
        return Nd4j.create(part, arrayShape(to - from, sample), DataType.FLOAT);
    }
}
