package org.anneal.nn.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.PretrainedLayer;
import org.anneal.nn.Shape;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.nodes.nn.PretrainedWeights;
import org.anneal.nodes.nn.SeededContext;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/**
 * A network that starts from the shipped pretrained layers: frozen layers keep exactly the shipped weights through
 * training (DL4J's TransferLearning feature extractor), fine-tuned ones start from them and move, and the saliency of
 * such an image network is a map per image that matches finite differences of its predicted probability.
 */
class PretrainedStartTest {
    static Table micrographs(long seed) throws Exception {
        var s = ExampleEdits.empty(seed).add("gen", "data.generate-micrographs", Map.of("specimens", 9, "fieldsPerSpecimen", 4,
                "size", 32, "pixelSize", 2.0)).run();
        return (Table) s.run().node("gen").outputs().get("table");
    }

    static TrainedModel train(Table t, int freeze) {
        float[][] w = PretrainedWeights.load();
        List<LayerDef> layers = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            layers.add(new PretrainedLayer(PretrainedWeights.BACKBONE.get(i), w[i], i < freeze));
        }
        layers.add(new DenseNode.Params(8, Activation.TANH));
        Network net = new Network(List.of("image"), Shape.image(32, 32, 1), "route", Task.CLASSIFICATION, layers);
        return new NetworkLearner(net, Task.CLASSIFICATION, new NetworkLearner.Settings(3, 12, 0, 0, 0.2), null,
                new Optimizer(Optimizer.Kind.ADAM, 0.01, "none", 0, 0.9, 0.999, 1e-8))
                .fit(t, List.of("image"), "route", new SeededContext(4));
    }

    private static float[] firstConv(TrainedModel m) {
        return ((NetworkModel) m).network().getLayer(0).params().dup().data().asFloat();
    }

    @Test
    void frozenLayersKeepTheShippedWeightsAndFineTunedOnesMove() throws Exception {
        Table t = micrographs(31);
        float[] shipped = PretrainedWeights.load()[0];
        TrainedModel frozen = train(t, 5);
        assertArrayEquals(shipped, firstConv(frozen), "a feature extractor's layers never change");
        assertTrue(frozen.describe().contains("frozen conv2d 16"), frozen.describe());
        TrainedModel tuned = train(t, 0);
        float[] moved = firstConv(tuned);
        assertEquals(shipped.length, moved.length);
        assertFalse(java.util.Arrays.equals(shipped, moved), "fine-tuning changes the pretrained weights");
        double diff = IntStream.range(0, moved.length).mapToDouble(i -> Math.abs(moved[i] - shipped[i])).max().orElse(0);
        assertTrue(diff < 0.5, "…starting from them, not from scratch: largest change " + diff);
    }

    @Test
    void anImageNetworksSaliencyIsItsGradientPixelByPixel() throws Exception {
        Table t = micrographs(32);
        TrainedModel m = train(t, 2);
        Table rows = t.rows(new int[] {0, 5});
        int[] unit = {0, 2};
        float[][] g = InputGradients.of(m, rows, unit, new SeededContext(1));
        assertEquals(32 * 32, g[0].length, "one value per pixel, in the table's [y, x, channel] order");
        org.anneal.data.TensorColumn images = (org.anneal.data.TensorColumn) rows.column("image").orElseThrow();
        double h = 0.02;
        for (int r = 0; r < 2; r++) {
            for (int pixel : new int[] {0, 37, 300, 555, 1000}) {
                double fd = (probability(m, images, r, pixel, h, unit[r]) - probability(m, images, r, pixel, -h, unit[r])) / (2 * h);
                assertEquals(fd, g[r][pixel], 1e-3 + 0.05 * Math.abs(fd), "row " + r + ", pixel " + pixel);
            }
        }
    }

    private static double probability(TrainedModel m, org.anneal.data.TensorColumn images, int row, int pixel, double h, int cls) {
        float[] v = images.get(row);
        v[pixel] += (float) h;
        Table one = new Table(List.of(org.anneal.data.TensorColumn.of("image", images.role(), images.shape(), List.of(v))));
        return m.probabilities(one)[0][cls];
    }
}
