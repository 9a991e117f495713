package org.anneal.nn.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.TensorColumn;
import org.anneal.data.Table;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.MergeLayer;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.Shape;
import org.anneal.nodes.evaluate.Predictions;
import org.anneal.nodes.nn.Conv2dNode;
import org.anneal.nodes.nn.PoolNode;
import org.anneal.nodes.nn.UpsampleNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/** A per-pixel classifier: a mask column as the target, a softmax over the classes at every pixel, masks as predictions. */
class SegmentationTrainingTest {
    static final int SIZE = 12;

    /** Grey images with a bright rectangle or two on a dark, noisy ground; the mask is 1 inside the rectangles (class 3 for none). */
    static Table rectangles(int n, long seed, int background) {
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> images = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] img = new float[SIZE * SIZE];
            float[] mask = new float[SIZE * SIZE];
            java.util.Arrays.fill(mask, background);
            for (int k = 0; k < 2; k++) {
                int y0 = r.nextInt(SIZE - 3);
                int x0 = r.nextInt(SIZE - 3);
                int h = 2 + r.nextInt(4);
                int w = 2 + r.nextInt(4);
                for (int y = y0; y < Math.min(SIZE, y0 + h); y++) {
                    for (int x = x0; x < Math.min(SIZE, x0 + w); x++) {
                        mask[y * SIZE + x] = 1;
                    }
                }
            }
            for (int p = 0; p < img.length; p++) {
                img[p] = (mask[p] == 1 ? 0.8f : 0.2f) + (float) (0.05 * r.nextGaussian());
            }
            images.add(img);
            masks.add(mask);
        }
        org.anneal.spec.Shape image = org.anneal.spec.Shape.image(SIZE, SIZE, 1);
        return new Table(List.of(TensorColumn.of("image", ColumnRole.FEATURE, image, images),
                TensorColumn.of("mask", ColumnRole.TARGET, image, masks)));
    }

    static NetworkLearner uNet(int epochs) {
        Network c1 = new Network(List.of("image"), Shape.image(SIZE, SIZE, 1), "mask", Task.SEGMENTATION, List.of())
                .then(new Conv2dNode.Params(4, List.of(3, 3), List.of(1, 1), LayerDef.Padding.SAME, Activation.RELU));
        Network net = c1.then(new PoolNode.Params(LayerDef.PoolKind.MAX, List.of(2, 2), List.of(2, 2)))
                .then(new Conv2dNode.Params(8, List.of(3, 3), List.of(1, 1), LayerDef.Padding.SAME, Activation.RELU))
                .then(new UpsampleNode.Params(2)).then(new MergeLayer(MergeLayer.Mode.CONCAT, c1));
        return new NetworkLearner(net, Task.SEGMENTATION, new NetworkLearner.Settings(epochs, 8, 0, 0, 0.2), null,
                new Optimizer(Optimizer.Kind.ADAM, 0.02, "none", 0, 0.9, 0.999, 1e-8));
    }

    @Test
    void aSmallUNetLearnsToSegmentAndPredictsMasks() {
        Table train = rectangles(40, 1, 3);
        Table test = rectangles(10, 2, 3);
        GraphModel m = (GraphModel) uNet(30).fit(train, List.of("image"), "mask", new org.anneal.nn.NetworkTrainingTest.Ctx(Integer.MAX_VALUE));
        assertEquals(Task.SEGMENTATION, m.task());
        assertEquals(List.of("1", "3"), m.classes(), "the class numbers the training masks hold, in order");
        float[] predicted = m.masks(test);
        float[] truth = ((TensorColumn) test.column("mask").orElseThrow()).values();
        int both = 0;
        int either = 0;
        double share = 0;
        for (int i = 0; i < truth.length; i++) {
            assertTrue(predicted[i] == 1 || predicted[i] == 3, "a mask holds class numbers: " + predicted[i]);
            both += truth[i] == 1 && predicted[i] == 1 ? 1 : 0;
            either += truth[i] == 1 || predicted[i] == 1 ? 1 : 0;
            share += predicted[i] == 3 ? 1 : 0;
        }
        assertTrue(both > 0.9 * either, "IoU of the rectangles " + (double) both / either);
        double[] perRow = m.predict(test);
        assertEquals(share / (SIZE * SIZE), java.util.Arrays.stream(perRow).sum(), 1e-6, "predict gives each row's share of other classes");

        Table out = Predictions.of(m, test, "predicted");
        TensorColumn col = (TensorColumn) out.column("predicted").orElseThrow();
        assertEquals(ColumnRole.PREDICTION, col.role());
        assertEquals("12×12×1", col.shape().dimsText());
        assertArrayEquals(predicted, col.values());
    }

    @Test
    void aGreyImageAsTargetIsRefusedWithTheColumnNamed() {
        Table t = rectangles(4, 3, 0);
        float[] grey = ((TensorColumn) t.column("image").orElseThrow()).values();
        Table bad = new Table(List.of(t.column("image").orElseThrow(), new TensorColumn("mask", ColumnRole.TARGET,
                org.anneal.spec.Shape.image(SIZE, SIZE, 1), grey, new boolean[4], "")));
        NodeFailure f = assertThrows(NodeFailure.class, () -> uNet(1).fit(bad, List.of("image"), "mask", new org.anneal.nn.NetworkTrainingTest.Ctx(Integer.MAX_VALUE)));
        assertTrue(f.getMessage().contains("'mask' holds") && f.getMessage().contains("not a class number"), f.getMessage());
    }
}
