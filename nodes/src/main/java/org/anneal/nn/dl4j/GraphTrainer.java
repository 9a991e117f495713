package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.PretrainedLayer;
import org.anneal.nn.Shape;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a network that is a graph — it merges branches ({@code nn.merge}) or classifies every pixel (a mask target) —
 * as a DL4J {@code ComputationGraph}, with the same seeded minibatch order, early stopping, live curve, cancel and NaN
 * guard ({@link TrainingWatch}) as {@link Dl4jTrainer} gives chains. A per-pixel classifier's head is a 1×1 convolution
 * to one channel per class and a softmax over the classes at every pixel ({@code CnnLossLayer}).
 */
final class GraphTrainer {
    /** The name of the output head's vertex. */
    static final String OUTPUT = "output";

    private GraphTrainer() {
    }

    /** Whether {@code learner} trains as a graph here instead of as a chain in {@link Dl4jTrainer}. */
    static boolean handles(NetworkLearner learner) {
        return learner.task() == Task.SEGMENTATION || Dl4jGraphs.isGraph(learner.network());
    }

    /** Rows as arrays: inputs in DL4J's layout and their labels, {@code labelDims} per row. */
    private record Rows(float[] x, Shape sample, float[] y, long[] labelDims, int n) {
        DataSet set(int[] index, int from, int to) {
            int width = y.length / n;
            INDArray labels = TableArrays.rows(y, width, index, from, to);
            if (labelDims.length > 1) {
                long[] shape = new long[labelDims.length + 1];
                shape[0] = to - from;
                System.arraycopy(labelDims, 0, shape, 1, labelDims.length);
                labels = labels.reshape('c', shape);
            }
            return new DataSet(TableArrays.rows(x, sample, index, from, to), labels);
        }
    }

    static TrainedModel train(NetworkLearner learner, Table train, String target, ExecContext ctx) {
        Network network = learner.network();
        int n = train.rowCount();
        if (n == 0) {
            throw new NodeFailure("There are no training rows.", "Check the split and any filters upstream.");
        }
        GraphTargets targets = GraphTargets.of(learner.task(), train.column(target).orElseThrow());
        Rows rows = new Rows(TableArrays.inputs(train, network.inputColumns(), network.input()), network.input(), targets.code(train, target),
                targets.labelDims(), n);
        var s = learner.settings();
        int[] order = Dl4jTrainer.permutation(n, new SplittableRandom(ctx.seed()));
        if (learner.validationRows() != null) { // a wired validation table watches instead of a held-out share
            Table v = learner.validationRows();
            if (v.rowCount() == 0) {
                throw new NodeFailure("There are no validation rows.", "Wire the validation side of a split.three-way to 'validation'.");
            }
            Rows val = new Rows(TableArrays.inputs(v, network.inputColumns(), network.input()), network.input(), targets.code(v, target),
                    targets.labelDims(), v.rowCount());
            int[] all = java.util.stream.IntStream.range(0, val.n()).toArray();
            return Dl4jRuntime.exclusive(ctx, () -> fit(learner, targets, rows, order, val, all, target, ctx));
        }
        int[][] split = Dl4jTrainer.heldOut(order, s);
        int[] fitRows = split[0];
        int[] valRows = split[1];
        return Dl4jRuntime.exclusive(ctx, () -> fit(learner, targets, rows, fitRows, rows, valRows, target, ctx));
    }

    private static TrainedModel fit(NetworkLearner learner, GraphTargets targets, Rows rows, int[] fitRows, Rows valSource, int[] valRows,
                                    String target, ExecContext ctx) {
        var s = learner.settings();
        Built built = configuration(learner, targets, ctx.seed());
        ComputationGraph net = new ComputationGraph(built.conf());
        net.init();
        net = pretrained(net, built.added());
        int steps = (fitRows.length + s.batchSize() - 1) / s.batchSize();
        TrainingWatch watch = new TrainingWatch(ctx, s.epochs(), steps);
        net.setListeners(watch);
        DataSet validation = valRows.length == 0 ? null : valSource.set(valRows, 0, valRows.length);
        List<Double> curve = new ArrayList<>();
        // as for chains (Dl4jTrainer): epoch 0 on the first rows of the seeded order, then each epoch's mean minibatch loss
        curve.add(net.score(rows.set(fitRows, 0, Math.min(fitRows.length, Dl4jTrainer.INITIAL_LOSS_ROWS))));
        double best = validation == null ? Double.NaN : net.score(validation);
        watch.epochDone(curve.get(0), best);
        int bestEpoch = 0;
        INDArray bestParams = net.params().dup();
        SplittableRandom shuffle = new SplittableRandom(ctx.seed() ^ 0x5DEECE66DL);
        int[] order = fitRows.clone();
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            Dl4jTrainer.shuffleInPlace(order, shuffle);
            double sum = 0;
            for (int from = 0; from < order.length; from += s.batchSize()) {
                int to = Math.min(order.length, from + s.batchSize());
                net.fit(rows.set(order, from, to));
                sum += net.score() * (to - from); // the minibatch's loss before its step
            }
            double loss = sum / order.length;
            curve.add(loss);
            double v = validation == null ? Double.NaN : net.score(validation);
            watch.epochDone(loss, v);
            if (validation == null) {
                bestEpoch = epoch;
            } else if (v < best) {
                best = v;
                bestEpoch = epoch;
                bestParams = net.params().dup();
            } else if (epoch - bestEpoch >= s.patience()) {
                break;
            }
        }
        if (validation != null) {
            net.setParams(bestParams);
        }
        ctx.publish(TrainingWatch.LIVE_NAME, watch.plot());
        String stopped = validation == null ? "" : "; kept epoch " + bestEpoch + " of " + (curve.size() - 1) + " (lowest validation loss)";
        Network network = learner.network();
        return GraphModel.of(net, targets, target, network.inputColumns(), network.input(),
                learner.describe() + " — " + Dl4jRuntime.describe() + ", as a graph" + stopped, learner.loss().describe(),
                curve.stream().mapToDouble(Double::doubleValue).toArray(), bestEpoch);
    }

    /** The configuration and where each layer went in it. */
    record Built(ComputationGraphConfiguration conf, Dl4jGraphs.Added added) {
    }

    /** The network's vertices and the output head the targets ask for; building it is the first native step. */
    static Built configuration(NetworkLearner learner, GraphTargets targets, long seed) {
        Network network = learner.network();
        var builder = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .updater(Dl4jUpdaters.updater(learner.optimizer()));
        if (learner.settings().weightDecay() > 0) {
            builder.weightDecay(learner.settings().weightDecay());
        }
        var graph = builder.graphBuilder().addInputs(Dl4jGraphs.INPUT).setInputTypes(Dl4jLayers.inputType(network.input()));
        Dl4jGraphs.Added added = Dl4jGraphs.addLayers(graph, network);
        int outputs = (int) targets.labelDims()[0];
        if (targets.task() == Task.SEGMENTATION) {
            graph.addLayer("classes", new ConvolutionLayer.Builder(1, 1).nOut(outputs).activation(Activation.IDENTITY)
                    .convolutionMode(ConvolutionMode.Same).build(), added.output());
            graph.addLayer(OUTPUT, new CnnLossLayer.Builder(Dl4jUpdaters.loss(learner.loss())).activation(Activation.SOFTMAX).build(), "classes");
        } else {
            boolean classify = targets.task() == Task.CLASSIFICATION;
            graph.addLayer(OUTPUT, new OutputLayer.Builder(Dl4jUpdaters.loss(learner.loss())).nOut(outputs)
                    .activation(classify ? Activation.SOFTMAX : Activation.IDENTITY).build(), added.output());
        }
        return new Built(graph.setOutputs(OUTPUT).build(), added);
    }

    /** {@code net} with pretrained layers' weights in place, and those marked frozen turned into a fixed feature extractor. */
    private static ComputationGraph pretrained(ComputationGraph net, Dl4jGraphs.Added added) {
        List<String> frozen = new ArrayList<>();
        for (Dl4jGraphs.Placed p : added.placed()) {
            if (p.def() instanceof PretrainedLayer pl) {
                float[] w = pl.weights();
                if (w.length > 0) {
                    net.getLayer(p.vertex()).setParams(Nd4j.create(w, new long[] {1, w.length}, DataType.FLOAT));
                }
                if (pl.frozen()) {
                    frozen.add(p.vertex());
                }
            }
        }
        return frozen.isEmpty() ? net : new TransferLearning.GraphBuilder(net).setFeatureExtractor(frozen.toArray(String[]::new)).build();
    }
}
