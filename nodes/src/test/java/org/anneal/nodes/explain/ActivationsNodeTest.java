package org.anneal.nodes.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.graph.Problem;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/**
 * explain.activations on the CNN of workflow 22: one row per layer block with its picture and its values, and the first
 * convolution's filters. (NetworkProbeTest checks the values themselves against DL4J's feedForward.)
 */
class ActivationsNodeTest {

    private static ExampleEdits cnnWith(Map<String, Object> params) throws Exception {
        return ExampleEdits.of("22-cnn-micrographs.json").set("cnn", "epochs", 2)
                .add("inside", "explain.activations", params)
                .add("weights", "explain.weights", Map.of("layer", 1))
                .link("fit:model", "inside:model").link("split:test", "inside:data").link("fit:model", "weights:model");
    }

    private static List<String> levels(Table t, String column) {
        CategoricalColumn c = (CategoricalColumn) t.column(column).orElseThrow();
        return java.util.Arrays.stream(c.codes()).mapToObj(i -> c.levels().get(i)).toList();
    }

    @Test
    void everyLayerBlockGivesARowWithItsChannelsAsAPictureAndItsValues() throws Exception {
        SessionResult s = cnnWith(Map.of("view", "layers", "row", 1)).run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table t = (Table) s.run().node("inside").outputs().get("activations");
        assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "gpool", "hidden"), levels(t, "layer"));
        assertEquals(List.of("46×46×16", "23×23×16", "21×21×32", "10×10×32", "32", "16"), levels(t, "shape"));
        assertArrayEquals(new double[] {46 * 46 * 16, 23 * 23 * 16, 21 * 21 * 32, 10 * 10 * 32, 32, 16}, t.numeric("size").values());
        TensorColumn map = (TensorColumn) t.column("map").orElseThrow();
        TensorColumn values = (TensorColumn) t.column("values").orElseThrow();
        // 16 channels of 46×46 in a 4×4 grid with one pixel between: 4·47 − 1 = 187 a side, the largest picture
        assertArrayEquals(new int[] {187, 187, 1}, map.shape().dims());
        assertArrayEquals(new int[] {46 * 46 * 16}, values.shape().dims());
        float[] conv1 = values.get(0);
        float[] picture = map.get(0);
        // channel 5 (grid row 1, column 1) pixel (y=3, x=7) sits at (47 + 3, 47 + 7) of the picture
        assertEquals(conv1[(3 * 46 + 7) * 16 + 5], picture[(47 + 3) * 187 + 47 + 7]);
        double mean = 0;
        double active = 0;
        for (int i = 0; i < 46 * 46 * 16; i++) {
            mean += conv1[i] / (46.0 * 46 * 16);
            assertTrue(conv1[i] >= 0, "conv1 is a ReLU layer");
            active += conv1[i] > 0 ? 1 : 0;
        }
        assertEquals(mean, t.numeric("mean").values()[0], 1e-6);
        assertEquals(active / (46 * 46 * 16), t.numeric("active").values()[0], 1e-9);
        float[] hidden = values.get(5);
        for (int i = 16; i < hidden.length; i++) {
            assertEquals(0f, hidden[i], "padding past the layer's 16 values");
        }
        assertTrue(java.util.Arrays.stream(t.numeric("mean").values()).allMatch(Double::isFinite));
    }

    @Test
    void theFiltersViewShowsTheFirstConvolutionsKernelsAsExplainWeightsDoes() throws Exception {
        SessionResult s = cnnWith(Map.of("view", "filters")).run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table filters = (Table) s.run().node("inside").outputs().get("activations");
        Table weights = (Table) s.run().node("weights").outputs().get("weights");
        assertEquals(16, filters.rowCount());
        TensorColumn f = (TensorColumn) filters.column("weights").orElseThrow();
        assertArrayEquals(new int[] {3, 3, 1}, f.shape().dims());
        assertArrayEquals(((TensorColumn) weights.column("weights").orElseThrow()).values(), f.values());
        assertEquals("filter 1", levels(filters, "filter").get(0));
    }

    @Test
    void filtersOfANetworkWithoutConvolutionIsAnErrorOnView() throws Exception {
        List<Problem> problems = ExampleEdits.of("18-mlp-regression.json").add("inside", "explain.activations", Map.of("view", "filters"))
                .link("fit:model", "inside:model").link("scale_test:out", "inside:data").check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("view", problems.get(0).param());
    }

    @Test
    void aDenseNetworksLayersAreVectorsInASquareBlock() throws Exception {
        SessionResult s = ExampleEdits.of("18-mlp-regression.json").set("mlp", "epochs", 2)
                .add("inside", "explain.activations", Map.of("row", 0))
                .link("fit:model", "inside:model").link("scale_test:out", "inside:data").run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table t = (Table) s.run().node("inside").outputs().get("activations");
        assertEquals(List.of("hidden1", "hidden2"), levels(t, "layer"));
        assertEquals(List.of("32", "16"), levels(t, "shape"));
        TensorColumn map = (TensorColumn) t.column("map").orElseThrow();
        assertArrayEquals(new int[] {6, 6, 1}, map.shape().dims(), "32 neurons in rows of ⌈√32⌉ = 6");
        float[] values = ((TensorColumn) t.column("values").orElseThrow()).get(1);
        assertEquals(values[13], map.get(1)[3 * 6 + 1], "neuron 13 of hidden2 (16 in rows of 4) at row 3, column 1 (from 0)");
    }

    @Test
    void aRowPastTheEndStopsWithTheReason() throws Exception {
        SessionResult s = cnnWith(Map.of("row", 100000)).run();
        assertFalse(s.run().succeeded());
        assertTrue(s.run().problems().toString().contains("'row'"), s.run().problems().toString());
    }
}
