package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.NodeFailure;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Table columns as float32 arrays for a network, refusing what a network cannot read. */
final class TableArrays {
    private TableArrays() {
    }

    /** Row-major [rows × columns] values of the network's input columns. */
    static float[] features(Table t, List<String> columns) {
        int n = t.rowCount();
        int k = columns.size();
        float[] out = new float[n * k];
        for (int j = 0; j < k; j++) {
            String name = columns.get(j);
            Column c = t.column(name).orElseThrow(() -> new NodeFailure("The network reads column '" + name + "', which this table lacks.",
                    "Feed the network tables with the columns its nn.input block chose."));
            if (!(c instanceof NumericColumn num)) {
                throw new NodeFailure("The network reads '" + name + "', which holds categories, not numbers.",
                        "Encode it (prepare.one-hot) or leave it out of nn.input's columns.");
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

    /** The rows {@code index} of a row-major [n × width] array, as a [index.length × width] float32 matrix. */
    static INDArray rows(float[] data, int width, int[] index, int from, int to) {
        float[] part = new float[(to - from) * width];
        for (int r = from; r < to; r++) {
            System.arraycopy(data, index[r] * width, part, (r - from) * width, width);
        }
        return Nd4j.create(part, new long[] {to - from, width}, DataType.FLOAT);
    }
}
