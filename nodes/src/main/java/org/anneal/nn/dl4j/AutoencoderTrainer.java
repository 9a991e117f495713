package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.anneal.data.Table;
import org.anneal.nn.Activation;
import org.anneal.nn.Shape;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.variational.GaussianReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains an autoencoder on the fit rows: the inputs are scaled (see {@link InputScaling}), then squeezed through
 * {@code latent} units and rebuilt. A plain autoencoder is a stack of dense layers (encoder sizes, the latent layer
 * with identity activation, the encoder sizes reversed, a linear output) trained on squared reconstruction error. A
 * variational one is DL4J's {@code VariationalAutoencoder} layer: an encoder giving the mean and log-variance of a
 * Gaussian q(z|x), the reparameterisation trick, a decoder giving a Gaussian p(x|z), trained by DL4J's layerwise
 * pretraining on the negative evidence lower bound (reconstruction log-likelihood plus the KL divergence to N(0, 1)).
 * Adam, seeded minibatch order, float32, one network at a time on the fixed native threads.
 */
public final class AutoencoderTrainer {
    private AutoencoderTrainer() {
    }

    /**
     * @param hidden encoder layer sizes, outermost first; the decoder mirrors them
     */
    public record Settings(List<Integer> hidden, int latent, Activation activation, boolean variational, int epochs, int batchSize,
                           double learningRate) {
        public Settings {
            hidden = List.copyOf(hidden);
        }

        String describe() {
            return String.format(Locale.ROOT, "%s (%s → %d → %s, %s; Adam %s, %d epochs, batch %d)",
                    variational ? "Variational autoencoder" : "Autoencoder", hidden, latent, reversed(hidden), activation.name().toLowerCase(Locale.ROOT),
                    learningRate, epochs, batchSize);
        }
    }

    public static TrainedAutoencoder train(Table fit, List<String> columns, Settings s, ExecContext ctx) {
        Shape shape = NetworkInputs.shapeOf(fit, columns);
        if (!shape.isFlat()) {
            throw new NodeFailure("An autoencoder of dense layers reads vectors: table columns or a spectrum; this input is "
                    + shape.describe() + ".", "Choose numeric columns or a one-axis tensor column (a spectrum).");
        }
        int n = fit.rowCount();
        if (n < 2) {
            throw new NodeFailure("An autoencoder needs at least two training rows; there are " + n + ".", "Check the split and filters upstream.");
        }
        float[] raw = TableArrays.inputs(fit, columns, shape);
        int width = (int) shape.size();
        InputScaling scaling = InputScaling.fit(raw, width, columns.size() > 1);
        float[] x = scaling.apply(raw);
        return Dl4jRuntime.exclusive(ctx, () -> fitNetwork(x, width, n, columns, scaling, s, ctx));
    }

    private static TrainedAutoencoder fitNetwork(float[] x, int width, int n, List<String> columns, InputScaling scaling, Settings s,
                                                 ExecContext ctx) {
        Nd4j.getRandom().setSeed(ctx.seed()); // the VAE's samples of z come from ND4J's generator
        MultiLayerNetwork net = new MultiLayerNetwork(s.variational() ? variational(width, s, ctx.seed()) : plain(width, s, ctx.seed()));
        net.init();
        int steps = (n + s.batchSize() - 1) / s.batchSize();
        TrainingWatch watch = new TrainingWatch(ctx, s.epochs(), steps);
        net.setListeners(watch);
        SplittableRandom shuffle = new SplittableRandom(ctx.seed() ^ 0x5DEECE66DL);
        int[] order = Dl4jTrainer.permutation(n, shuffle);
        List<Double> curve = new ArrayList<>();
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            Dl4jTrainer.shuffleInPlace(order, shuffle);
            double sum = 0;
            for (int from = 0; from < n; from += s.batchSize()) {
                int to = Math.min(n, from + s.batchSize());
                INDArray batch = TableArrays.rows(x, width, order, from, to);
                if (s.variational()) {
                    net.pretrainLayer(0, batch);
                    sum += net.getLayer(0).score() * (to - from);
                } else {
                    net.fit(new DataSet(batch, batch));
                    sum += net.score() * (to - from);
                }
            }
            curve.add(sum / n);
            watch.epochDone(sum / n, Double.NaN);
        }
        ctx.publish(TrainingWatch.LIVE_NAME, watch.plot());
        return new TrainedAutoencoder(net, s.variational(), s.hidden().size(), s.latent(), columns, scaling,
                curve.stream().mapToDouble(Double::doubleValue).toArray(), s.describe() + " — " + Dl4jRuntime.describe());
    }

    private static NeuralNetConfiguration.ListBuilder base(long seed, double rate) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .updater(new Adam(rate)).list();
    }

    private static org.deeplearning4j.nn.conf.MultiLayerConfiguration plain(int width, Settings s, long seed) {
        var list = base(seed, s.learningRate());
        org.nd4j.linalg.activations.Activation act = Dl4jLayers.activation(s.activation());
        int i = 0;
        int in = width;
        for (int h : s.hidden()) {
            list.layer(i++, new DenseLayer.Builder().nIn(in).nOut(h).activation(act).build());
            in = h;
        }
        list.layer(i++, new DenseLayer.Builder().nIn(in).nOut(s.latent()).activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        in = s.latent();
        for (int h : reversed(s.hidden())) {
            list.layer(i++, new DenseLayer.Builder().nIn(in).nOut(h).activation(act).build());
            in = h;
        }
        list.layer(i, new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(width)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        return list.build();
    }

    private static org.deeplearning4j.nn.conf.MultiLayerConfiguration variational(int width, Settings s, long seed) {
        int[] enc = s.hidden().stream().mapToInt(Integer::intValue).toArray();
        int[] dec = reversed(s.hidden()).stream().mapToInt(Integer::intValue).toArray();
        var vae = new VariationalAutoencoder.Builder().nIn(width).nOut(s.latent()).encoderLayerSizes(enc).decoderLayerSizes(dec)
                .activation(Dl4jLayers.activation(s.activation())).pzxActivationFunction(org.nd4j.linalg.activations.Activation.IDENTITY)
                .reconstructionDistribution(new GaussianReconstructionDistribution(org.nd4j.linalg.activations.Activation.IDENTITY)).build();
        return base(seed, s.learningRate()).layer(0, vae).build();
    }

    static List<Integer> reversed(List<Integer> sizes) {
        List<Integer> r = new ArrayList<>(sizes);
        java.util.Collections.reverse(r);
        return r;
    }
}
