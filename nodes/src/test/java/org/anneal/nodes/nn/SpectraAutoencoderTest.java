package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.nn.Activation;
import org.anneal.nn.dl4j.AutoencoderTrainer;
import org.anneal.nn.dl4j.TrainedAutoencoder;
import org.anneal.session.SessionResult;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Autoencoders on generated XRD patterns of quartz–calcite–halite mixtures (data.generate-spectra): held-out
 * reconstruction error of a plain autoencoder and of a VAE against PCA with as many components, in counts², and
 * reproducibility. The patterns are linear mixtures of three phases plus background and noise, which is PCA's home
 * ground: the test states what each method reaches rather than assuming the network wins.
 */
class SpectraAutoencoderTest {
    static final int LATENT = 2;

    /** Generated patterns: mixtures 1–100 train, 101–125 test (replicates of one mixture stay together). */
    static Table[] spectra() throws Exception {
        SessionResult s = ExampleEdits.empty(11).add("gen", "data.generate-spectra",
                Map.of("samples", 125, "replicates", 2, "channels", 200, "counts", 1000)).run();
        Table all = (Table) s.run().node("gen").outputs().get("table");
        int n = all.rowCount();
        int cut = 100 * 2;
        return new Table[] {all.rows(IntStream.range(0, cut).toArray()), all.rows(IntStream.range(cut, n).toArray())};
    }

    static double[][] rows(Table t) {
        TensorColumn c = (TensorColumn) t.column("pattern").orElseThrow();
        double[][] out = new double[t.rowCount()][];
        for (int r = 0; r < out.length; r++) {
            float[] v = c.get(r);
            out[r] = IntStream.range(0, v.length).mapToDouble(i -> v[i]).toArray();
        }
        return out;
    }

    /** Mean squared error per value of PCA with {@code k} components fitted on {@code train}, on {@code test}. */
    static double pcaError(double[][] train, double[][] test, int k) {
        int d = train[0].length;
        double[] mean = new double[d];
        for (double[] r : train) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / train.length;
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(train.length, d);
        for (int i = 0; i < train.length; i++) {
            for (int j = 0; j < d; j++) {
                x.setEntry(i, j, train[i][j] - mean[j]);
            }
        }
        RealMatrix v = new SingularValueDecomposition(x).getV().getSubMatrix(0, d - 1, 0, k - 1);
        double sum = 0;
        for (double[] r : test) {
            double[] c = new double[d];
            for (int j = 0; j < d; j++) {
                c[j] = r[j] - mean[j];
            }
            double[] back = v.operate(v.transpose().operate(c));
            for (int j = 0; j < d; j++) {
                sum += (c[j] - back[j]) * (c[j] - back[j]);
            }
        }
        return sum / (test.length * (double) d);
    }

    static double error(TrainedAutoencoder ae, Table test) {
        float[][] back = ae.reconstruct(test);
        double[][] x = rows(test);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                sum += (x[i][j] - back[i][j]) * (x[i][j] - back[i][j]);
            }
        }
        return sum / (x.length * (double) x[0].length);
    }

    static TrainedAutoencoder train(Table t, boolean variational, int epochs) {
        var s = new AutoencoderTrainer.Settings(List.of(64), LATENT, Activation.TANH, variational, epochs, 32, 0.003);
        return AutoencoderTrainer.train(t, List.of("pattern"), s, new SeededContext(5));
    }

    /**
     * Measured here (seed 5, 200 training and 50 held-out patterns of 200 channels, 40 epochs): held-out MSE in counts²
     * PCA(2) 113.3, autoencoder 137.1, VAE 138.5 (PCA(1) 121.9; at 80 epochs autoencoder 130.5, VAE 138.0, and on the
     * training rows all three reach 104–106). Neither
     * network beats PCA: the patterns are linear mixtures plus noise, where PCA is the best two-dimensional summary, and
     * the networks' extra freedom fits noise of the 200 training rows. The test holds them to that band.
     */
    @Test
    void onLinearMixturesBothNetworksComeCloseToPcaButDoNotBeatIt() throws Exception {
        Table[] t = spectra();
        double pca = pcaError(rows(t[0]), rows(t[1]), LATENT);
        double ae = error(train(t[0], false, 40), t[1]);
        TrainedAutoencoder vae = train(t[0], true, 40);
        double v = error(vae, t[1]);
        System.out.printf("held-out MSE (counts²): PCA(%d) %.1f, autoencoder %.1f, VAE %.1f%n", LATENT, pca, ae, v);
        assertTrue(ae < 1.3 * pca && v < 1.4 * pca, "within reach of PCA: autoencoder " + ae + ", VAE " + v + ", PCA " + pca);
        double[] loss = vae.lossPerEpoch();
        assertTrue(loss[loss.length - 1] < loss[0] / 2, "the VAE's negative ELBO falls: " + loss[0] + " → " + loss[loss.length - 1]);
    }
}
