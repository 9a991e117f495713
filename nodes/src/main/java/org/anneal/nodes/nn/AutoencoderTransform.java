package org.anneal.nodes.nn;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nn.dl4j.TrainedAutoencoder;
import org.anneal.nodes.prepare.TableEdits;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;

/**
 * A trained autoencoder as a fitted transform: replaces the columns it read by the latent coordinates {@code z1, z2, …}
 * and appends {@code reconstruction_error}, so an Apply node embeds test rows with the encoder learnt on the training
 * rows and the error can serve as an anomaly score.
 */
record AutoencoderTransform(TrainedAutoencoder model) implements FittedTransform {
    static final String ERROR = "reconstruction_error";

    static String latentName(int k) {
        return "z" + (k + 1);
    }

    /** The columns it writes: the latent coordinates (features), then the error (ignored by models unless chosen). */
    static List<ColumnSpec> produced(int latent) {
        List<ColumnSpec> out = new ArrayList<>();
        for (int k = 0; k < latent; k++) {
            out.add(new ColumnSpec(latentName(k), ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        out.add(new ColumnSpec(ERROR, ColumnType.NUMERIC, ColumnRole.IGNORE));
        return out;
    }

    @Override
    public String describe() {
        return model.describe();
    }

    @Override
    public List<String> columns() {
        return model.columns();
    }

    @Override
    public Table apply(Table data) {
        int n = data.rowCount();
        double[][] z = model.encode(data);
        double[] error = n == 0 ? new double[0] : model.error(data);
        List<Column> made = new ArrayList<>();
        for (int k = 0; k < model.latent(); k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = z[i][k];
            }
            made.add(new NumericColumn(latentName(k), ColumnRole.FEATURE, v));
        }
        made.add(new NumericColumn(ERROR, ColumnRole.IGNORE, error));
        return TableEdits.apply(data, model.columns(), made);
    }
}
