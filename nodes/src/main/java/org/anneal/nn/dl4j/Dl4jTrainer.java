package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a {@link NetworkLearner} with DL4J: the layer records plus an output head (one identity unit per target for
 * regression, softmax over the classes for classification) become a {@code MultiLayerConfiguration} here and only
 * here, in float32, seeded by the node's seed; minibatches are drawn in a seeded order every epoch; with patience,
 * a seeded share of the training rows is held out and the epoch with the lowest validation loss is restored.
 * <p>An epoch's training loss is the row-weighted mean of its minibatch losses, each taken before its step (what Keras
 * and scikit-learn report); a second pass over every training row after each epoch cost a fifth of a fit
 * (bench/network-bench.sh). The validation loss stays exact, one pass over the validation rows per epoch, because it
 * chooses the epoch. Epoch 0, before any step, is the untrained network's loss on up to {@link #INITIAL_LOSS_ROWS}
 * training rows (all of them in most lessons).
 */
public final class Dl4jTrainer {
    /** Rows that give epoch 0's training loss: a seeded sample, so a large table costs no full pass before training. */
    static final int INITIAL_LOSS_ROWS = 2000;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Dl4jTrainer.class.getName());

    private Dl4jTrainer() {
    }

    /** The training rows as arrays: inputs row-major, targets as one-hot classes or one value per row. */
    private record Rows(float[] x, org.anneal.nn.Shape sample, float[] y, int outputs, int n) {
        INDArray inputs(int[] index, int from, int to) {
            return TableArrays.rows(x, sample, index, from, to);
        }

        INDArray targets(int[] index, int from, int to) {
            return TableArrays.rows(y, outputs, index, from, to);
        }

        DataSet set(int[] index, int from, int to) {
            return new DataSet(inputs(index, from, to), targets(index, from, to));
        }

        /** Minibatches of {@code size} rows copied into the same two arrays every step (see {@link TableArrays.Batches}). */
        Minibatches minibatches(int size) {
            return new Minibatches(new TableArrays.Batches(x, sample, size), new TableArrays.Batches(y, org.anneal.nn.Shape.flat(outputs), size));
        }
    }

    private record Minibatches(TableArrays.Batches inputs, TableArrays.Batches targets) {
        DataSet rows(int[] index, int from, int to) {
            return new DataSet(inputs.rows(index, from, to), targets.rows(index, from, to));
        }
    }

    /**
     * Trains and logs the wall and CPU seconds of this thread (loading ND4J on first use included), which a shared machine
     * inflates much less than wall time: bench/network-bench.sh reads them from the log.
     */
    public static TrainedModel train(NetworkLearner learner, Table train, String target, ExecContext ctx) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        TrainedModel m = prepareAndFit(learner, train, target, ctx);
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - c0;
        LOG.info(() -> String.format(java.util.Locale.ROOT, "network fit of %d rows: %.3f s, %.3f s CPU of the training thread",
                train.rowCount(), wall / 1e9, cpu / 1e9));
        return m;
    }

    private static TrainedModel prepareAndFit(NetworkLearner learner, Table train, String target, ExecContext ctx) {
        if (GraphTrainer.handles(learner)) { // branches or per-pixel classes: a ComputationGraph; chains stay as they were
            return GraphTrainer.train(learner, train, target, ctx);
        }
        Network network = learner.network();
        int n = train.rowCount();
        if (n == 0) {
            throw new NodeFailure("There are no training rows.", "Check the split and any filters upstream.");
        }
        Column y = train.column(target).orElseThrow();
        if (y.missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has " + y.missingCount() + " missing value(s) in the training rows.",
                    "Drop rows without a target first.");
        }
        List<String> classes = learner.task() == Task.CLASSIFICATION ? ((CategoricalColumn) y).levels() : List.of();
        Rows rows = new Rows(TableArrays.inputs(train, network.inputColumns(), network.input()), network.input(), targets(learner.task(), y, classes),
                learner.task() == Task.REGRESSION ? 1 : classes.size(), n);
        var s = learner.settings();
        int[] order = permutation(n, new SplittableRandom(ctx.seed()));
        if (learner.validationRows() != null) { // a wired validation table watches instead of a held-out share
            Rows valSource = validationRows(learner, target, classes, rows.outputs());
            int[] valRows = java.util.stream.IntStream.range(0, valSource.n()).toArray();
            return Dl4jRuntime.exclusive(ctx, () -> fit(learner, rows, order, valSource, valRows, target, classes, ctx));
        }
        int[][] split = heldOut(order, s);
        int[] fitRows = split[0];
        int[] valRows = split[1];
        return Dl4jRuntime.exclusive(ctx, () -> fit(learner, rows, fitRows, rows, valRows, target, classes, ctx));
    }

    /**
     * The training order cut into rows that fit and rows held out to watch for early stopping (the first
     * {@code validation} share of the shuffled order; none without patience): {@code {fitRows, heldOutRows}}.
     */
    static int[][] heldOut(int[] order, NetworkLearner.Settings s) {
        int n = order.length;
        int held = s.patience() > 0 ? (int) Math.round(n * s.validationFraction()) : 0;
        if (s.patience() > 0 && (held < 1 || held >= n)) {
            throw new NodeFailure("Early stopping needs validation rows, but " + s.validationFraction() + " of " + n + " training rows is "
                    + held + ".", "Raise 'validation', or set 'patience' to 0 to train every epoch.");
        }
        return new int[][] {Arrays.copyOfRange(order, held, n), Arrays.copyOfRange(order, 0, held)};
    }

    /** The rows of model.network's validation input as arrays, their classes coded in the training rows' order. */
    private static Rows validationRows(NetworkLearner learner, String target, List<String> classes, int outputs) {
        Table v = learner.validationRows();
        Column y = v.column(target).orElseThrow(() -> new NodeFailure("The validation rows have no target column '" + target + "'.",
                "Wire rows from the same source as the training rows to 'validation'."));
        if (v.rowCount() == 0 || y.missingCount() > 0) {
            throw new NodeFailure("The validation rows need a target in every row; " + v.rowCount() + " rows, " + y.missingCount()
                    + " without '" + target + "'.", "Wire the validation side of a split.three-way to 'validation'.");
        }
        float[] targets;
        if (learner.task() == Task.CLASSIFICATION) {
            CategoricalColumn c = (CategoricalColumn) y;
            targets = new float[v.rowCount() * outputs];
            for (int i = 0; i < v.rowCount(); i++) {
                int k = classes.indexOf(c.get(i));
                if (k < 0) {
                    throw new NodeFailure("The validation rows hold the class '" + c.get(i) + "', which no training row has.",
                            "Split so that every class is on the training side (stratify the split).");
                }
                targets[i * outputs + k] = 1f;
            }
        } else {
            targets = targets(Task.REGRESSION, y, classes);
        }
        Network network = learner.network();
        return new Rows(TableArrays.inputs(v, network.inputColumns(), network.input()), network.input(), targets, outputs, v.rowCount());
    }

    private static TrainedModel fit(NetworkLearner learner, Rows rows, int[] fitRows, Rows valSource, int[] valRows, String target,
                                    List<String> classes, ExecContext ctx) {
        var s = learner.settings();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(learner, rows.outputs(), ctx.seed()));
        net.init();
        net = PretrainedStart.apply(net, learner.network().layers());
        int steps = (fitRows.length + s.batchSize() - 1) / s.batchSize();
        TrainingWatch watch = new TrainingWatch(ctx, s.epochs(), steps);
        net.setListeners(watch);
        DataSet validation = valRows.length == 0 ? null : valSource.set(valRows, 0, valRows.length);
        // a physics penalty: probe rows in each minibatch, and the data loss reported apart from the penalty
        PenaltyTraining penalty = PenaltyTraining.of(net, learner, rows.x(), (int) rows.sample().size(), rows.y(), rows.outputs(), fitRows,
                ctx.seed());
        List<Double> curve = new ArrayList<>();
        int initialRows = Math.min(fitRows.length, INITIAL_LOSS_ROWS);
        DataSet initial = rows.set(fitRows, 0, initialRows); // fitRows are in a seeded order
        curve.add(penalty == null ? net.score(initial) : penalty.initial(net, initial, fitRows, initialRows));
        double best = validation == null ? Double.NaN : penalty == null ? net.score(validation) : penalty.dataLoss(net, validation);
        watch.epochDone(curve.get(0), best);
        int bestEpoch = 0;
        INDArray bestParams = net.params().dup();
        SplittableRandom shuffle = new SplittableRandom(ctx.seed() ^ 0x5DEECE66DL);
        int[] order = fitRows.clone();
        Minibatches batches = rows.minibatches(s.batchSize());
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            shuffleInPlace(order, shuffle);
            double sum = 0;
            for (int from = 0; from < order.length; from += s.batchSize()) {
                int to = Math.min(order.length, from + s.batchSize());
                DataSet batch = batches.rows(order, from, to);
                net.fit(penalty == null ? batch : penalty.batch(batch, order, from, to));
                // the minibatch's loss before its step (TrainingWatch stops on a NaN)
                sum += (penalty == null ? net.score() : penalty.stepped(to - from)) * (to - from);
            }
            double loss = sum / order.length;
            curve.add(loss);
            if (penalty != null) {
                penalty.epochDone();
            }
            double v = validation == null ? Double.NaN : penalty == null ? net.score(validation) : penalty.dataLoss(net, validation);
            watch.epochDone(loss, v);
            if (validation != null) {
                if (v < best) {
                    best = v;
                    bestEpoch = epoch;
                    bestParams = net.params().dup();
                } else if (epoch - bestEpoch >= s.patience()) {
                    break;
                }
            } else {
                bestEpoch = epoch;
            }
        }
        if (validation != null) {
            net.setParams(bestParams);
        }
        ctx.publish(TrainingWatch.LIVE_NAME, watch.plot());
        String stopped = validation == null ? "" : "; kept epoch " + bestEpoch + " of " + (curve.size() - 1) + " (lowest validation loss)";
        NetworkModel model = new NetworkModel(net, learner.task(), target, learner.network().inputColumns(), learner.network().input(), classes,
                learner.describe() + " — " + Dl4jRuntime.describe() + stopped, learner.loss().describe(),
                curve.stream().mapToDouble(Double::doubleValue).toArray(), bestEpoch);
        return penalty == null ? model : model.withPenaltyCurve(penalty.penaltyPerEpoch());
    }

    /** The network's layers and its output head, as DL4J's configuration; building it is the first native step. */
    static MultiLayerConfiguration configuration(NetworkLearner learner, int outputs, long seed) {
        Network network = learner.network();
        InputPreProcessor[] pending = new InputPreProcessor[1];
        List<Dl4jLayers.Translated> layers = Dl4jLayers.translate(network.input(), network.layers(), pending);
        var builder = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .updater(Dl4jUpdaters.updater(learner.optimizer()));
        if (learner.settings().weightDecay() > 0) {
            builder.weightDecay(learner.settings().weightDecay());
        }
        var list = builder.list();
        for (int i = 0; i < layers.size(); i++) {
            list.layer(i, layers.get(i).layer());
            if (layers.get(i).preProcessor() != null) {
                list.inputPreProcessor(i, layers.get(i).preProcessor());
            }
        }
        boolean classify = learner.task() == Task.CLASSIFICATION;
        list.layer(layers.size(), new OutputLayer.Builder(Dl4jUpdaters.loss(learner.loss())).nOut(outputs)
                .activation(classify ? Activation.SOFTMAX : Activation.IDENTITY).build());
        if (pending[0] != null) {
            list.inputPreProcessor(layers.size(), pending[0]);
        }
        return list.setInputType(Dl4jLayers.inputType(network.input())).build();
    }

    private static float[] targets(Task task, Column y, List<String> classes) {
        int n = y.size();
        if (task == Task.REGRESSION) {
            double[] v = ((org.anneal.data.NumericColumn) y).values();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (float) v[i];
            }
            return out;
        }
        int[] codes = ((CategoricalColumn) y).codes();
        float[] out = new float[n * classes.size()];
        for (int i = 0; i < n; i++) {
            out[i * classes.size() + codes[i]] = 1f;
        }
        return out;
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffleInPlace(p, rng);
        return p;
    }

    static void shuffleInPlace(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
