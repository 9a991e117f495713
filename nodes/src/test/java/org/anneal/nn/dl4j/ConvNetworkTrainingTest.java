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
import org.anneal.nodes.nn.Conv2dNode;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.nodes.nn.FlattenNode;
import org.anneal.nodes.nn.PoolNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/** A small CNN on an image column, trained by DL4J: it learns, it is reproducible, and images reach DL4J channels first. */
class ConvNetworkTrainingTest {

    static final class Ctx implements ExecContext {
        public long seed() {
            return 11;
        }

        public void checkCancelled() {
        }

        public void progress(double fraction) {
        }

        public void publish(String name, Object value) {
        }

        public String device() {
            return "cpu";
        }

        public java.nio.file.Path resolve(String path, String param) {
            return java.nio.file.Path.of(path);
        }

        public String nodeId() {
            return "cnn";
        }
    }

    /**
     * 10×10 images of two channels: channel 0 is noise only, channel 1 holds a bright bar, across (class "across") or down
     * ("down"), at a random place. Only a network that reads channel 1 as one image can tell them apart.
     */
    static Table bars(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> images = new ArrayList<>();
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            float[] img = new float[10 * 10 * 2];
            cls[i] = r.nextInt(2);
            int at = 1 + r.nextInt(8);
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 10; x++) {
                    int px = (y * 10 + x) * 2;
                    img[px] = (float) r.nextDouble();
                    boolean bar = cls[i] == 0 ? y == at : x == at;
                    img[px + 1] = (bar ? 1f : 0f) + (float) (0.2 * r.nextDouble());
                }
            }
            images.add(img);
        }
        return new Table(List.of(TensorColumn.of("image", ColumnRole.FEATURE, org.anneal.spec.Shape.image(10, 10, 2), images),
                new CategoricalColumn("bar", ColumnRole.TARGET, cls, List.of("across", "down"))));
    }

    static NetworkLearner cnn(int epochs) {
        List<LayerDef> layers = List.of(
                new Conv2dNode.Params(4, List.of(3, 3), List.of(1, 1), LayerDef.Padding.VALID, Activation.RELU),
                new PoolNode.Params(LayerDef.PoolKind.MAX, List.of(2, 2), List.of(2, 2)),
                new FlattenNode.Params(),
                new DenseNode.Params(8, Activation.RELU));
        Network net = new Network(List.of("image"), Shape.image(10, 10, 2), "bar", Task.CLASSIFICATION, layers);
        return new NetworkLearner(net, Task.CLASSIFICATION, new NetworkLearner.Settings(epochs, 16, 0, 0, 0.1), null,
                new Optimizer(Optimizer.Kind.ADAM, 0.01, "none", 0, 0.9, 0.999, 1e-8));
    }

    @Test
    void aSmallCnnLearnsToTellBarsAcrossFromBarsDown() {
        Table train = bars(200, 1);
        Table test = bars(100, 2);
        TrainedModel m = cnn(15).fit(train, List.of("image"), "bar", new Ctx());
        double[] p = m.predict(test);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += p[i] == ((CategoricalColumn) test.column("bar").orElseThrow()).codes()[i] ? 1 : 0;
        }
        assertTrue(right >= 90, "accuracy on new images " + right + "/100");
        // 3·3·2·4 + 4, then 4·4·4 → 8, then the head 8 → 2
        assertEquals(76 + (64 * 8 + 8) + (8 * 2 + 2), m.parameters().get("parameters"), 0);
    }

    @Test
    void theSameSeedAndThreadsGiveIdenticalWeights() {
        Table train = bars(80, 3);
        float[] a = ((NetworkModel) cnn(3).fit(train, List.of("image"), "bar", new Ctx())).weights();
        float[] b = ((NetworkModel) cnn(3).fit(train, List.of("image"), "bar", new Ctx())).weights();
        assertEquals(76 + 520 + 18, a.length);
        assertArrayEquals(a, b);
    }

    @Test
    void imagesReachDl4jChannelsFirst() {
        float[] img = new float[2 * 3 * 2]; // [h=2, w=3, c=2]: value = 100·c + 10·y + x
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 2; c++) {
                    img[(y * 3 + x) * 2 + c] = 100 * c + 10 * y + x;
                }
            }
        }
        Table t = new Table(List.of(TensorColumn.of("image", ColumnRole.FEATURE, org.anneal.spec.Shape.image(2, 3, 2), List.of(img))));
        float[] dl4j = TableArrays.inputs(t, List.of("image"), Shape.image(2, 3, 2));
        assertArrayEquals(new float[] {0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112}, dl4j);
        assertArrayEquals(new long[] {1, 2, 2, 3}, TableArrays.rows(dl4j, Shape.image(2, 3, 2), new int[] {0}, 0, 1).shape());
    }
}
