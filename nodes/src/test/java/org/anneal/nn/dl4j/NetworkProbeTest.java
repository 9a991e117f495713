package org.anneal.nn.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.Shape;
import org.anneal.nodes.nn.BatchNormNode;
import org.anneal.nodes.nn.Conv2dNode;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.nodes.nn.DropoutNode;
import org.anneal.nodes.nn.FlattenNode;
import org.anneal.nodes.nn.PoolNode;
import org.anneal.nodes.nn.SeededContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Looking inside trained CNNs: Grad-CAM finds the half of the image that decides the class, its gradient with respect
 * to a convolution's output matches finite differences, and every layer's output is DL4J's own feedForward.
 */
class NetworkProbeTest {
    private static final SeededContext CTX = new SeededContext(5);

    /** 12×12 grey noise with a bright 3×3 square in the left or the right half: the half is the class. */
    static Table squares(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> images = new ArrayList<>();
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            float[] img = new float[12 * 12];
            for (int k = 0; k < img.length; k++) {
                img[k] = (float) (0.1 * r.nextDouble());
            }
            cls[i] = r.nextInt(2);
            int x0 = cls[i] == 0 ? r.nextInt(4) : 6 + r.nextInt(4);
            int y0 = r.nextInt(10);
            for (int y = y0; y < y0 + 3; y++) {
                for (int x = x0; x < x0 + 3; x++) {
                    img[y * 12 + x] = 1f;
                }
            }
            images.add(img);
        }
        return new Table(List.of(TensorColumn.of("image", ColumnRole.FEATURE, org.anneal.spec.Shape.image(12, 12, 1), images),
                new CategoricalColumn("half", ColumnRole.TARGET, cls, List.of("left", "right"))));
    }

    private static NetworkModel train(List<LayerDef> layers, int epochs) {
        Network net = new Network(List.of("image"), Shape.image(12, 12, 1), "half", Task.CLASSIFICATION, layers);
        return (NetworkModel) new NetworkLearner(net, Task.CLASSIFICATION, new NetworkLearner.Settings(epochs, 16, 0, 0, 0.1), null,
                new Optimizer(Optimizer.Kind.ADAM, 0.01, "none", 0, 0.9, 0.999, 1e-8)).fit(squares(240, 1), List.of("image"), "half", CTX);
    }

    private static List<LayerDef> cnn(Activation conv) {
        return List.of(new Conv2dNode.Params(4, List.of(3, 3), List.of(1, 1), LayerDef.Padding.VALID, conv),
                new PoolNode.Params(LayerDef.PoolKind.MAX, List.of(2, 2), List.of(2, 2)),
                new FlattenNode.Params(), new DenseNode.Params(8, Activation.RELU));
    }

    @Test
    void theMapsMassLiesInTheHalfThatDecidesTheClass() {
        NetworkModel m = train(cnn(Activation.RELU), 12);
        Table test = squares(40, 2);
        int[] cls = ((CategoricalColumn) test.column("half").orElseThrow()).codes();
        double[] p = m.predict(test);
        int right = 0;
        for (int i = 0; i < cls.length; i++) {
            right += p[i] == cls[i] ? 1 : 0;
        }
        assertTrue(right >= 36, "the CNN learnt the task first: " + right + "/40");
        NetworkProbe.Cam cam = NetworkProbe.gradCam(m, test, 0, cls, CTX);
        assertArrayEquals(new int[] {10, 10}, cam.dims(), "the map has the convolution's resolution");
        double share = 0;
        for (int r = 0; r < cls.length; r++) {
            double left = 0;
            double all = 0;
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 10; x++) {
                    float v = cam.perRow()[r][y * 10 + x];
                    assertTrue(v >= 0, "ReLU keeps the map non-negative");
                    all += v;
                    left += x + 1 < 6 ? v : 0; // output column x is centred on input column x + 1
                }
            }
            assertTrue(all > 0, "image " + r + " has a map");
            double decisive = (cls[r] == 0 ? left : all - left) / all;
            assertTrue(decisive > 0.55, "image " + r + ": share of its map in the decisive half " + decisive);
            assertEquals(cls[r] == 0, peak(cam.perRow()[r]) + 1 < 6, "image " + r + ": the map peaks in the half of the square");
            share += decisive / cls.length;
        }
        // the flat background lights every ReLU filter a little, so the share stays well below 1 at the first convolution
        assertTrue(share > 0.65, "mean share of the map in the decisive half: " + share);
    }

    /** The column of the map's largest value. */
    private static int peak(float[] map) {
        int best = 0;
        for (int i = 1; i < map.length; i++) {
            best = map[i] > map[best] ? i : best;
        }
        return best % 10;
    }

    /** d score / d (a conv layer's output) against central differences of the score recomputed from that output. */
    @Test
    void theGradientAtAConvolutionMatchesFiniteDifferences() {
        NetworkModel m = train(List.of(new Conv2dNode.Params(3, List.of(3, 3), List.of(1, 1), LayerDef.Padding.VALID, Activation.TANH),
                new BatchNormNode.Params(), new DropoutNode.Params(0.3), new FlattenNode.Params(), new DenseNode.Params(6, Activation.TANH)), 3);
        INDArray x = NetworkInputs.all(TableArrays.inputs(squares(3, 3), List.of("image"), Shape.image(12, 12, 1)), Shape.image(12, 12, 1));
        int[] unit = {0, 1, 1};
        INDArray[] ag = InputGradients.towards(m.network(), x, unit, 0, true);
        INDArray a = ag[0].castTo(DataType.DOUBLE);
        INDArray g = ag[1];
        assertArrayEquals(a.shape(), g.shape());
        SplittableRandom r = new SplittableRandom(4);
        double h = 1e-2;
        for (int k = 0; k < 25; k++) {
            int row = r.nextInt(3);
            long[] at = {row, r.nextInt(3), r.nextInt(10), r.nextInt(10)};
            double up = score(m, a, at, h, unit[row]);
            double down = score(m, a, at, -h, unit[row]);
            double fd = (up - down) / (2 * h);
            assertEquals(fd, g.getDouble(at), 2e-3 + 0.02 * Math.abs(fd), "position " + java.util.Arrays.toString(at));
        }
    }

    private static double score(NetworkModel m, INDArray a, long[] at, double h, int unit) {
        INDArray moved = a.dup();
        moved.putScalar(at, a.getDouble(at) + h);
        INDArray s = NetworkProbe.scoresFrom(m.network(), moved.castTo(m.network().params().dataType()), 0);
        return s.getDouble(at[0], unit);
    }

    @Test
    void everyLayersOutputIsWhatDl4jsFeedForwardGives() {
        NetworkModel m = train(cnn(Activation.RELU), 2);
        Table rows = squares(3, 5);
        List<NetworkProbe.LayerOutput> outs = NetworkProbe.activations(m, rows, CTX);
        INDArray x = NetworkInputs.all(TableArrays.inputs(rows, List.of("image"), Shape.image(12, 12, 1)), Shape.image(12, 12, 1));
        List<INDArray> ff = m.network().feedForward(x, false); // the input first, then each layer
        assertEquals(ff.size() - 1, outs.size(), "conv, pool, dense, head (flatten is no layer)");
        List<List<Integer>> shapes = List.of(List.of(10, 10, 4), List.of(5, 5, 4), List.of(8), List.of(2));
        for (int l = 0; l < outs.size(); l++) {
            assertEquals(shapes.get(l), outs.get(l).shape(), "layer " + l);
            float[][] expected = NetworkInputs.tableLayout(ff.get(l + 1), new Shape(outs.get(l).shape()));
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(expected[r], outs.get(l).perRow()[r], 1e-6f, "layer " + l + ", row " + r);
            }
        }
        // table layout: channel fastest, so pixel (y=2, x=3) of channel 1 of the first conv layer is DL4J's [r, 1, 2, 3]
        assertEquals(ff.get(1).getFloat(0, 1, 2, 3), outs.get(0).perRow()[0][(2 * 10 + 3) * 4 + 1], 1e-6f);
        float[] probs = outs.get(3).perRow()[1];
        assertEquals(1, probs[0] + probs[1], 1e-5, "the head's output is the predicted probabilities");
        assertArrayEquals(new double[] {probs[0], probs[1]}, m.probabilities(rows.rows(new int[] {1}))[0], 1e-5);
    }

    /** A trained model that is no network is refused with a message naming model.network. */
    @Test
    void aModelThatIsNoNetworkIsRefused() {
        TrainedModel ridge = new org.anneal.nodes.model.RidgeLearner(0.1).fit(
                new Table(List.of(new org.anneal.data.NumericColumn("x", ColumnRole.FEATURE, new double[] {1, 2, 3}),
                        new org.anneal.data.NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2, 3}))), List.of("x"), "y", CTX);
        var f = org.junit.jupiter.api.Assertions.assertThrows(org.anneal.spec.NodeFailure.class, () -> NetworkProbe.activations(ridge,
                new Table(List.of(new org.anneal.data.NumericColumn("x", ColumnRole.FEATURE, new double[] {1}))), CTX));
        assertTrue(f.getMessage().contains("model.network"), f.getMessage());
    }
}
