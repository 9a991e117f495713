package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.data.Table;
import org.deeplearning4j.nn.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained (variational) autoencoder: encodes rows to latent coordinates (for a VAE the mean of q(z|x)), decodes
 * latent points to inputs (for a VAE the mean of p(x|z)), and measures how well each row is rebuilt. Never changed
 * after training; DL4J's network is not safe for concurrent use, so calls take turns.
 */
public final class TrainedAutoencoder {
    private final MultiLayerNetwork net;
    private final boolean variational;
    private final int latentLayer;
    private final int latent;
    private final List<String> columns;
    private final InputScaling scaling;
    private final double[] lossPerEpoch;
    private final String description;

    TrainedAutoencoder(MultiLayerNetwork net, boolean variational, int latentLayer, int latent, List<String> columns, InputScaling scaling,
                       double[] lossPerEpoch, String description) {
        this.net = net;
        this.variational = variational;
        this.latentLayer = latentLayer;
        this.latent = latent;
        this.columns = List.copyOf(columns);
        this.scaling = scaling;
        this.lossPerEpoch = lossPerEpoch.clone();
        this.description = description;
    }

    public List<String> columns() {
        return columns;
    }

    public int latent() {
        return latent;
    }

    public boolean variational() {
        return variational;
    }

    public String describe() {
        return description;
    }

    /** The training loss after each epoch: mean squared error of the scaled inputs, or the VAE's negative ELBO per row. */
    public double[] lossPerEpoch() {
        return lossPerEpoch.clone();
    }

    private INDArray scaled(Table data) {
        org.anneal.nn.Shape flat = org.anneal.nn.Shape.flat(scaling.mean().length);
        return NetworkInputs.all(scaling.apply(TableArrays.inputs(data, columns, flat)), flat);
    }

    /** Latent coordinates, one row of {@link #latent()} values per table row. */
    public synchronized double[][] encode(Table data) {
        if (data.rowCount() == 0) {
            return new double[0][];
        }
        return encodeScaled(scaled(data)).toDoubleMatrix();
    }

    private INDArray encodeScaled(INDArray x) {
        if (variational) {
            return net.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces());
        }
        return net.feedForwardToLayer(latentLayer, x, false).get(latentLayer + 1);
    }

    private INDArray decodeScaled(INDArray z) {
        if (variational) {
            return ((VariationalAutoencoder) net.getLayer(0)).generateAtMeanGivenZ(z);
        }
        INDArray a = z;
        for (int i = latentLayer + 1; i < net.getnLayers(); i++) {
            a = net.getLayer(i).activate(a, false, LayerWorkspaceMgr.noWorkspaces());
        }
        return a;
    }

    /** The inputs the decoder draws at latent points {@code z} (one row per point), in the input's units. */
    public synchronized float[][] decode(double[][] z) {
        return unscaled(decodeScaled(Nd4j.create(z).castTo(DataType.FLOAT)));
    }

    /** Each row encoded and decoded again, in the input's units. */
    public synchronized float[][] reconstruct(Table data) {
        return unscaled(decodeScaled(encodeScaled(scaled(data))));
    }

    /** Mean squared difference between each row and its reconstruction, in the scaled units the network learnt in. */
    public synchronized double[] error(Table data) {
        INDArray x = scaled(data);
        INDArray diff = decodeScaled(encodeScaled(x)).castTo(DataType.DOUBLE).sub(x.castTo(DataType.DOUBLE));
        return diff.muli(diff).mean(1).toDoubleVector();
    }

    private float[][] unscaled(INDArray scaledRows) {
        float[][] rows = NetworkInputs.tableLayout(scaledRows, org.anneal.nn.Shape.flat((int) scaledRows.size(1)));
        for (int r = 0; r < rows.length; r++) {
            rows[r] = scaling.invert(rows[r]);
        }
        return rows;
    }
}
