package org.anneal.nn.dl4j;

import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ExecContext;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Pretrains a backbone (layers ending in a vector, e.g. convolutions and a global pool) with a softmax head on a
 * labelled image table, and hands back the backbone's weights layer by layer — how Anneal's shipped pretrained
 * network was made. Seeded initialisation and minibatch order, float32, the fixed native threads: the same inputs
 * give the same bits, so the shipped file can be rebuilt and checked.
 */
public final class BackbonePretraining {
    private BackbonePretraining() {
    }

    /**
     * @param weights  per backbone layer, DL4J's flattened parameters (empty for layers without any)
     * @param accuracy share of {@code heldOut} rows whose class the trained network predicts
     */
    public record Result(float[][] weights, double accuracy, double[] lossPerEpoch) {
    }

    public static Result train(Table train, Table heldOut, String column, String target, List<LayerDef> backbone, int epochs, int batch,
                               double rate, ExecContext ctx) {
        Shape shape = NetworkInputs.shapeOf(train, List.of(column));
        CategoricalColumn y = (CategoricalColumn) train.column(target).orElseThrow();
        int classes = y.levels().size();
        float[] x = TableArrays.inputs(train, List.of(column), shape);
        float[] labels = oneHot(y, classes);
        return Dl4jRuntime.exclusive(ctx, () -> {
            MultiLayerNetwork net = network(shape, backbone, classes, rate, ctx.seed());
            int n = train.rowCount();
            SplittableRandom shuffle = new SplittableRandom(ctx.seed());
            int[] order = Dl4jTrainer.permutation(n, shuffle);
            double[] loss = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                Dl4jTrainer.shuffleInPlace(order, shuffle);
                for (int from = 0; from < n; from += batch) {
                    ctx.checkCancelled();
                    int to = Math.min(n, from + batch);
                    net.fit(new DataSet(TableArrays.rows(x, shape, order, from, to), TableArrays.rows(labels, classes, order, from, to)));
                    loss[e] += net.score() * (to - from) / n;
                }
                ctx.progress((e + 1.0) / epochs);
            }
            float[][] weights = new float[backbone.size()][];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = net.getLayer(i).numParams() == 0 ? new float[0] : net.getLayer(i).params().dup().data().asFloat();
            }
            return new Result(weights, accuracy(net, heldOut, column, target, shape), loss);
        });
    }

    private static MultiLayerNetwork network(Shape shape, List<LayerDef> backbone, int classes, double rate, long seed) {
        InputPreProcessor[] pending = new InputPreProcessor[1];
        List<Dl4jLayers.Translated> layers = Dl4jLayers.translate(shape, backbone, pending);
        if (layers.size() != backbone.size() || pending[0] != null) {
            throw new IllegalArgumentException("a backbone is layers that each become one DL4J layer");
        }
        var list = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.RELU)
                .updater(new Adam(rate)).list();
        for (int i = 0; i < layers.size(); i++) {
            list.layer(i, layers.get(i).layer());
        }
        list.layer(layers.size(), new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(Dl4jLayers.inputType(shape)).build());
        net.init();
        return net;
    }

    private static double accuracy(MultiLayerNetwork net, Table rows, String column, String target, Shape shape) {
        INDArray out = net.output(NetworkInputs.all(TableArrays.inputs(rows, List.of(column), shape), shape), false);
        int[] truth = ((CategoricalColumn) rows.column(target).orElseThrow()).codes();
        INDArray predicted = Nd4j.argMax(out, 1);
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += predicted.getInt(i) == truth[i] ? 1 : 0;
        }
        return right / (double) truth.length;
    }

    private static float[] oneHot(CategoricalColumn y, int classes) {
        float[] out = new float[y.size() * classes];
        int[] codes = y.codes();
        for (int i = 0; i < codes.length; i++) {
            out[i * classes + codes[i]] = 1;
        }
        return out;
    }
}
