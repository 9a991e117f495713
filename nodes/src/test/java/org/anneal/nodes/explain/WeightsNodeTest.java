package org.anneal.nodes.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.graph.Problem;
import org.anneal.ml.Plot;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/** explain.weights on trained networks: a dense layer's heat map labelled by the table's columns, a CNN's filters as images. */
class WeightsNodeTest {

    private static ExampleEdits mlp(int layer) throws Exception {
        return ExampleEdits.of("18-mlp-regression.json").set("mlp", "epochs", 3)
                .add("weights", "explain.weights", Map.of("layer", layer)).link("fit:model", "weights:model");
    }

    @Test
    void aDenseLayersHeatMapHasARowPerNeuronAndAColumnPerInput() throws Exception {
        SessionResult s = mlp(1).run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Plot plot = (Plot) s.run().node("weights").outputs().get("plot");
        assertEquals(Plot.Kind.HEATMAP, plot.kind());
        assertEquals(32, plot.heatmap().rowLabels().size(), "32 neurons in the first hidden layer");
        assertEquals(List.of("cement_kg_m3", "blast_furnace_slag_kg_m3", "fly_ash_kg_m3", "water_kg_m3", "superplasticizer_kg_m3",
                "coarse_aggregate_kg_m3", "fine_aggregate_kg_m3", "age_days"), plot.heatmap().colLabels());
        Table t = (Table) s.run().node("weights").outputs().get("weights");
        TensorColumn w = (TensorColumn) t.column("weights").orElseThrow();
        assertEquals(32, t.rowCount());
        for (int u = 0; u < 32; u++) {
            float[] row = w.get(u);
            assertEquals(8, row.length);
            for (int i = 0; i < 8; i++) {
                assertEquals(plot.heatmap().values()[u][i], row[i], 0, "table and heat map show the same weight");
            }
        }
        Plot head = (Plot) mlp(3).run().run().node("weights").outputs().get("plot");
        assertEquals(1, head.heatmap().rowLabels().size(), "the output head: one neuron");
        assertEquals(16, head.heatmap().colLabels().size(), "reading the 16 neurons of the second hidden layer");
    }

    @Test
    void aLayerBeyondTheNetworkFailsNamingTheParameter() throws Exception {
        SessionResult s = mlp(4).run();
        assertFalse(s.run().succeeded());
        String message = s.run().problems().toString();
        assertTrue(message.contains("has 3 layers with weights") && message.contains("'layer'"), message);
    }

    @Test
    void aModelThatIsNotANetworkIsLocatedOnTheModelPort() throws Exception {
        List<Problem> problems = ExampleEdits.of("18-mlp-regression.json").add("weights", "explain.weights", Map.of())
                .link("fit_ridge:model", "weights:model").check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("weights", problems.get(0).nodeId());
        assertEquals("model", problems.get(0).port());
    }

    private static float[] filters(int freeze, int epochs) throws Exception {
        SessionResult s = ExampleEdits.empty(5)
                .add("gen", "data.generate-micrographs", Map.of("specimens", 6, "fieldsPerSpecimen", 2, "size", 32, "pixelSize", 2.0))
                .add("pre", "nn.pretrained", Map.of("freeze", freeze))
                .add("head", "nn.dense", Map.of("units", 4))
                .add("cnn", "model.network", Map.of("epochs", epochs, "batchSize", 6))
                .add("fit", "train.fit", Map.of())
                .add("weights", "explain.weights", Map.of("layer", 1))
                .link("gen:table", "pre:table").link("pre:network", "head:in").link("head:out", "cnn:network")
                .link("cnn:learner", "fit:learner").link("gen:table", "fit:train").link("fit:model", "weights:model").run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table t = (Table) s.run().node("weights").outputs().get("weights");
        TensorColumn w = (TensorColumn) t.column("weights").orElseThrow();
        assertEquals(16, t.rowCount(), "16 filters in the first convolution");
        assertEquals(List.of(3, 3, 1), java.util.Arrays.stream(w.shape().dims()).boxed().toList(), "3×3 grey images");
        Plot plot = (Plot) s.run().node("weights").outputs().get("plot");
        assertEquals(9, plot.heatmap().colLabels().size());
        return w.values();
    }

    @Test
    void firstLayerFiltersAreImagesThatFreezingKeepsAndFineTuningMoves() throws Exception {
        float[] frozenShort = filters(5, 1);
        float[] frozenLong = filters(5, 3);
        assertArrayEquals(frozenShort, frozenLong, "frozen pretrained filters do not move with training");
        float[] tuned = filters(0, 3);
        assertFalse(java.util.Arrays.equals(frozenShort, tuned), "fine-tuned filters move from the pretrained start");
        double norm = 0;
        for (float v : frozenShort) {
            norm += v * v;
        }
        assertTrue(norm > 0.01, "the pretrained filters are not zero");
    }
}
