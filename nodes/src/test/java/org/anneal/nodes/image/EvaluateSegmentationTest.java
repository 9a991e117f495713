package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.MetricNames;
import org.anneal.ml.Metrics;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** evaluate.segmentation and evaluate.measurement on masks and numbers small enough to score by hand. */
class EvaluateSegmentationTest {
    static TensorColumn masks(String name, float... v) {
        return new TensorColumn(name, ColumnRole.IGNORE, Shape.image(2, 2, 1), v, new boolean[v.length / 4], "");
    }

    static final StandaloneContext CTX = new StandaloneContext("s", 1, Path.of("."));

    @Test
    void iouDiceAccuracyConfusionAndOverlayMatchTheHandCount() throws Exception {
        // image 1: truth 1 1 / 0 0, predicted 1 0 / 0 1; image 2: all background in both
        Table t = new Table(List.of(masks("image", 0.2f, 0.4f, 0.6f, 0.8f, 1, 1, 1, 1),
                masks("phase_mask", 1, 1, 0, 0, 0, 0, 0, 0), masks("mask", 1, 0, 0, 1, 0, 0, 0, 0)));
        var p = new EvaluateSegmentationNode.Params("phase_mask", "mask", "image");
        Specs promised = new EvaluateSegmentationNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, CTX);
        var out = new EvaluateSegmentationNode().execute(new Inputs(Map.of("table", t)), p, CTX);
        Metrics m = (Metrics) out.get("metrics");
        // class 1: both 1, true 2, predicted 2; class 0: both 1 + 4, true 2 + 4, predicted 2 + 4
        assertEquals(1 / 3.0, m.get("iou[1]"), 1e-12);
        assertEquals(0.5, m.get("dice[1]"), 1e-12);
        assertEquals(5 / 7.0, m.get("iou[0]"), 1e-12);
        assertEquals(10 / 12.0, m.get("dice[0]"), 1e-12);
        assertEquals((1 / 3.0 + 5 / 7.0) / 2, m.get("mean_iou"), 1e-12);
        assertEquals(6 / 8.0, m.get("pixel_accuracy"), 1e-12);
        m.values().keySet().forEach(k -> assertTrue(MetricNames.known(k), k));
        Table confusion = (Table) out.get("confusion");
        assertArrayEquals(new double[] {5, 1}, ((NumericColumn) confusion.column("predicted_0").orElseThrow()).values());
        assertArrayEquals(new double[] {1, 1}, ((NumericColumn) confusion.column("predicted_1").orElseThrow()).values());
        Table overlay = (Table) out.get("overlay");
        assertEquals(((TableSpec) promised.get("overlay")).columns(), overlay.spec(Lineage.UNSPLIT).columns());
        float[] o = ((TensorColumn) overlay.column("overlay").orElseThrow()).get(0);
        assertArrayEquals(new float[] {0.1f, 1, 0.1f}, new float[] {o[0], o[1], o[2]}, 1e-6f, "both: green over the dimmed grey 0.2");
        assertArrayEquals(new float[] {1, 0.2f, 0.2f}, new float[] {o[3], o[4], o[5]}, 1e-6f, "missed: red");
        assertArrayEquals(new float[] {0.6f, 0.6f, 0.6f}, new float[] {o[6], o[7], o[8]}, 1e-6f, "background in both: the grey image");
        assertArrayEquals(new float[] {0.4f, 0.4f, 1}, new float[] {o[9], o[10], o[11]}, 1e-6f, "invented: blue");
    }

    @Test
    void masksOfTwoSizesAreALocatedError() {
        Table t = new Table(List.of(masks("phase_mask", 0, 0, 0, 0),
                new TensorColumn("mask", ColumnRole.IGNORE, Shape.image(1, 4, 1), new float[4], new boolean[1], "")));
        ConfigError e = assertThrows(ConfigError.class, () -> new EvaluateSegmentationNode().configure(
                Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), new EvaluateSegmentationNode.Params("phase_mask", "mask", ""), CTX));
        assertEquals("predicted", e.param());
    }

    @Test
    void measurementScoresAreTheHandComputedOnes() throws Exception {
        Table t = new Table(List.of(new NumericColumn("measured", ColumnRole.FEATURE, new double[] {1, 2, 4, Double.NaN}),
                new NumericColumn("truth", ColumnRole.IGNORE, new double[] {1, 3, 3, 5})));
        Metrics m = (Metrics) new EvaluateMeasurementNode().execute(new Inputs(Map.of("table", t)),
                new EvaluateMeasurementNode.Params("measured", "truth"), CTX).get("metrics");
        assertEquals(2 / 3.0, m.get("mae"), 1e-12, "errors 0, −1, 1; the row without a measurement is left out");
        assertEquals(0, m.get("bias"), 1e-12);
        assertEquals((1 / 3.0 + 1 / 3.0) / 3, m.get("mean_relative_error"), 1e-12);
        assertEquals(1 - 2 / (24 / 9.0), m.get("r2"), 1e-12, "SSE 2 over SST 24/9 about the truth's mean 7/3");
        assertEquals(3, m.rows());
    }
}
