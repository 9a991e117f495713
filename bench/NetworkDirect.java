import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The plain-DL4J side of bench/network-bench.sh: the networks of the benchmark workflows written directly against
 * DL4J 1.0.0-M2.1 (same layers, float32, Xavier, Adam, seed, minibatch order as Anneal's trainer), timed in the loop,
 * plus the headless configure timing of a long network chain. Source-file mode with the app's class path:
 * <pre>
 *   java -cp 'app/target/anneal-app.jar:app/target/lib/*' bench/NetworkDirect.java mlp TRAIN.csv EPOCHS BATCH RATE tuned|default tanh|relu [VALIDATION.csv TARGET_MSE]
 *   ... cnn IMAGES EPOCHS BATCH tuned|default
 *   ... configure WORKFLOW.json REPS
 * </pre>
 * {@code tuned} first loads ND4J through org.anneal.device.Nd4jRuntime (the settings Anneal runs with), {@code default}
 * leaves DL4J as it comes. Prints one JSON line.
 */
public final class NetworkDirect {
    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "mlp" -> mlp(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), Double.parseDouble(a[4]), a[5].equals("tuned"),
                    Activation.valueOf(a.length > 6 ? a[6].toUpperCase(Locale.ROOT) : "TANH"), a.length > 8 ? Path.of(a[7]) : null,
                    a.length > 8 ? Double.parseDouble(a[8]) : Double.NaN);
            case "cnn" -> cnn(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), a[4].equals("tuned"));
            case "configure" -> configure(Path.of(a[1]), Integer.parseInt(a[2]));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    private static void load(boolean tuned) {
        if (tuned) {
            org.anneal.device.Nd4jRuntime.backend();
        } else {
            int n = Integer.parseInt(System.getenv().getOrDefault("OMP_NUM_THREADS", "1"));
            Nd4j.getEnvironment().setMaxMasterThreads(n);
            Nd4j.factory().blas().setMaxThreads(n);
        }
    }

    /**
     * The MLP of the benchmark workflow: 20 → 64 → 32 → 1 (tanh or relu), squared error, trained on every row. {@code tuned}
     * runs the loop of Anneal's trainer (ND4J as Anneal sets it up, a full minibatch copied into one array allocated once,
     * the epoch's loss as the row-weighted mean of its minibatch losses); {@code default} is the loop a DL4J user writes
     * (DL4J as it comes, a new array per minibatch). The first ND4J load is timed apart ({@code load*}): the fit node pays it
     * on first use. With a VALIDATION.csv and a TARGET_MSE it keeps training (up to 3 × EPOCHS) until the validation MSE,
     * measured after each epoch outside the timer, reaches TARGET_MSE, and reports the epochs and seconds that took.
     */
    static void mlp(Path csv, int epochs, int batch, double rate, boolean tuned, Activation act, Path validation, double target) throws Exception {
        float[][] train = table(csv);
        float[] x = train[0];
        float[] y = train[1];
        int n = y.length;
        int k = x.length / n;
        long l0 = System.nanoTime();
        long lc0 = cpu();
        load(tuned);
        double loadSeconds = (System.nanoTime() - l0) / 1e9;
        double loadCpu = (cpu() - lc0) / 1e9;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .updater(new Adam(rate)).list()
                .layer(new DenseLayer.Builder().nOut(64).activation(act).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(act).build())
                .layer(new OutputLayer.Builder(new LossMSE()).nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.feedForward(k)).build();
        DataSet val = null;
        if (validation != null) {
            float[][] v = table(validation);
            val = new DataSet(Nd4j.create(v[0], new long[] {v[1].length, k}, DataType.FLOAT), Nd4j.create(v[1], new long[] {v[1].length, 1}, DataType.FLOAT));
        }
        long t0 = System.nanoTime();
        long c0 = cpu();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom shuffle = new SplittableRandom(42 ^ 0x5DEECE66DL);
        INDArray fullX = Nd4j.create(DataType.FLOAT, batch, k);
        INDArray fullY = Nd4j.create(DataType.FLOAT, batch, 1);
        float[] stageX = new float[batch * k];
        float[] stageY = new float[batch];
        double seconds = 0;
        double cpuSeconds = 0;
        double reachedSeconds = Double.NaN;
        double reachedCpu = Double.NaN;
        int reached = -1;
        double mse = Double.NaN;
        int most = val == null ? epochs : 3 * epochs;
        for (int e = 1; e <= most; e++) {
            shuffle(order, shuffle);
            double sum = 0;
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                if (tuned && to - from == batch) {
                    for (int r = from; r < to; r++) {
                        System.arraycopy(x, order[r] * k, stageX, (r - from) * k, k);
                        stageY[r - from] = y[order[r]];
                    }
                    fullX.data().setData(stageX);
                    fullY.data().setData(stageY);
                    net.fit(new DataSet(fullX, fullY));
                } else {
                    net.fit(new DataSet(rows(x, k, order, from, to, new long[] {to - from, k}), rows(y, 1, order, from, to, new long[] {to - from, 1})));
                }
                sum += net.score() * (to - from);
            }
            if (e == epochs) {
                seconds = (System.nanoTime() - t0) / 1e9;
                cpuSeconds = (cpu() - c0) / 1e9;
            }
            if (val != null) {
                long p0 = System.nanoTime();
                long pc0 = cpu();
                INDArray out = net.output(val.getFeatures(), false);
                double m = out.squaredDistance(val.getLabels()) / val.numExamples();
                if (e == epochs) {
                    mse = m;
                }
                t0 += System.nanoTime() - p0; // the check is not training time
                c0 += cpu() - pc0;
                if (reached < 0 && m <= target) {
                    reached = e;
                    reachedSeconds = (System.nanoTime() - t0) / 1e9;
                    reachedCpu = (cpu() - c0) / 1e9;
                }
                if (reached > 0 && e >= epochs) {
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"fitSeconds\": %.3f, \"fitCpuSeconds\": %.3f, \"loadSeconds\": %.3f, \"loadCpuSeconds\": %.3f, "
                + "\"validationMse\": %s, \"epochsToTarget\": %d, \"secondsToTarget\": %s, \"cpuSecondsToTarget\": %s}%n",
                seconds, cpuSeconds, loadSeconds, loadCpu, json(mse), reached, json(reachedSeconds), json(reachedCpu));
    }

    private static String json(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.5f", v);
    }

    /** A CSV of numbers whose last column is the target: {features row-major, targets}. */
    private static float[][] table(Path csv) throws java.io.IOException {
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        int k = lines.get(0).split(",").length - 1;
        float[] x = new float[n * k];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j < k; j++) {
                x[i * k + j] = Float.parseFloat(f[j]);
            }
            y[i] = Float.parseFloat(f[k]);
        }
        return new float[][] {x, y};
    }

    /** The CNN of the throughput benchmark on 64×64 grey images of 3 classes (random pixels: throughput only). */
    static void cnn(int images, int epochs, int batch, boolean tuned) {
        load(tuned);
        int side = 64;
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = new float[images * side * side];
        float[] y = new float[images * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < images; i++) {
            y[i * 3 + i % 3] = 1f;
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .updater(new Adam(0.005)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).padding(0, 0).nOut(16).activation(Activation.RELU)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX, new int[] {2, 2}, new int[] {2, 2})
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).padding(0, 0).nOut(32).activation(Activation.RELU)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX, new int[] {2, 2}, new int[] {2, 2})
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(new LossMCXENT()).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(side, side, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        int[] order = new int[images];
        Arrays.setAll(order, i -> i);
        long[] shape = {0, 1, side, side};
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            shuffle(order, rng);
            for (int from = 0; from < images; from += batch) {
                int to = Math.min(images, from + batch);
                shape[0] = to - from;
                net.fit(new DataSet(rows(x, side * side, order, from, to, shape.clone()), rows(y, 3, order, from, to, new long[] {to - from, 3})));
            }
        }
        double train = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Arrays.setAll(order, i -> i);
        net.output(rows(x, side * side, order, 0, images, new long[] {images, 1, side, side}), false);
        double infer = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "{\"trainImagesPerSecond\": %.1f, \"inferImagesPerSecond\": %.1f, \"trainSeconds\": %.3f}%n",
                (double) images * epochs / train, images / infer, train);
    }

    /** Validates (configures) a workflow REPS times, alternating a layer's width so nothing is served from a cache. */
    static void configure(Path file, int reps) throws Exception {
        var codec = new org.anneal.graph.WorkflowCodec();
        String text = Files.readString(file);
        Path other = file.resolveSibling("configure-edit.json"); // beside it: the data path is relative to the workflow
        Files.writeString(other, text.replace("\"units\": 64", "\"units\": 65"));
        var versions = List.of(codec.read(file), codec.read(other));
        var session = org.anneal.session.WorkflowSession.checking(org.anneal.spec.NodeRegistry.standard());
        List<Double> ms = new ArrayList<>();
        int shapes = 0;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            var checked = session.check(versions.get(i % 2));
            ms.add((System.nanoTime() - t0) / 1e6);
            if (checked.validation().hasErrors()) {
                throw new IllegalStateException(checked.validation().errors().toString());
            }
            shapes = checked.validation().outSpecs().size();
        }
        Files.delete(other);
        List<Double> warm = new ArrayList<>(ms.subList(Math.min(ms.size() - 1, 3), ms.size()));
        warm.sort(null);
        System.out.printf(Locale.ROOT, "{\"firstMs\": %.2f, \"medianMs\": %.2f, \"maxMs\": %.2f, \"nodesWithShapes\": %d, \"nativeLoaded\": %s}%n",
                ms.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1), shapes, org.anneal.device.Nd4jRuntime.loadedRuntime() != null);
    }

    private static INDArray rows(float[] data, int width, int[] order, int from, int to, long[] shape) {
        float[] part = new float[(to - from) * width];
        for (int r = from; r < to; r++) {
            System.arraycopy(data, order[r] * width, part, (r - from) * width, width);
        }
        return Nd4j.create(part, shape, DataType.FLOAT);
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
