package org.anneal.nodes.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.graph.Problem;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/** explain.saliency in workflow 18 (an MLP on concrete strength): a feature table from a real training, and its errors. */
class SaliencyNodeTest {

    private static ExampleEdits withSaliency(String outputClass, String model) throws Exception {
        return ExampleEdits.of("18-mlp-regression.json").set("mlp", "epochs", 10)
                .add("saliency", "explain.saliency", Map.of("rows", 50, "outputClass", outputClass))
                .link(model + ":model", "saliency:model").link("scale_test:out", "saliency:data");
    }

    @Test
    void aTabularNetworkGivesOneRowPerFeatureLargestFirst() throws Exception {
        SessionResult s = withSaliency("", "fit").run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table t = (Table) s.run().node("saliency").outputs().get("saliency");
        assertEquals(8, t.rowCount(), "one row per input column of the network");
        double[] size = t.numeric("saliency").values();
        for (int i = 1; i < size.length; i++) {
            assertTrue(size[i - 1] >= size[i] && size[i] >= 0, "sorted, non-negative: " + java.util.Arrays.toString(size));
        }
        assertEquals(8, ((CategoricalColumn) t.column("feature").orElseThrow()).levels().stream().distinct().count());
        double[] signed = t.numeric("gradient").values();
        for (int i = 0; i < size.length; i++) {
            assertTrue(size[i] > 0 && Math.abs(signed[i]) <= size[i] + 1e-12, "|mean gradient| ≤ mean |gradient| for row " + i);
        }
    }

    /** A CNN from the pretrained layers on generated micrographs: one saliency map per explained image. */
    @Test
    void anImageNetworkGivesASaliencyMapPerImage() throws Exception {
        SessionResult s = ExampleEdits.empty(5)
                .add("gen", "data.generate-micrographs", Map.of("specimens", 6, "fieldsPerSpecimen", 3, "size", 32, "pixelSize", 2.0))
                .add("split", "split.group", Map.of("test", 0.34))
                .add("pre", "nn.pretrained", Map.of())
                .add("head", "nn.dense", Map.of("units", 8))
                .add("cnn", "model.network", Map.of("epochs", 2, "batchSize", 6))
                .add("fit", "train.fit", Map.of())
                .add("saliency", "explain.saliency", Map.of("rows", 3))
                .link("gen:table", "split:table").link("gen:table", "pre:table").link("pre:network", "head:in")
                .link("head:out", "cnn:network").link("cnn:learner", "fit:learner").link("split:train", "fit:train")
                .link("fit:model", "saliency:model").link("split:test", "saliency:data").run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table t = (Table) s.run().node("saliency").outputs().get("saliency");
        assertEquals(3, t.rowCount());
        org.anneal.data.TensorColumn maps = (org.anneal.data.TensorColumn) t.column("saliency").orElseThrow();
        assertEquals(List.of(32, 32, 1), java.util.Arrays.stream(maps.shape().dims()).boxed().toList());
        for (int r = 0; r < 3; r++) {
            float[] m = maps.get(r);
            double max = 0;
            for (float v : m) {
                assertTrue(v >= 0);
                max = Math.max(max, v);
            }
            assertTrue(max > 0, "image " + r + " has a non-zero map");
        }
        assertTrue(t.column("image").isPresent() && t.column("explained_class").isPresent(), "the image and the class beside its map");
    }

    @Test
    void aClassOnARegressionNetworkIsLocatedOnTheParameter() throws Exception {
        List<Problem> problems = withSaliency("high", "fit").check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("saliency", problems.get(0).nodeId());
        assertEquals("outputClass", problems.get(0).param());
    }

    @Test
    void aModelThatIsNoNetworkFailsWithTheReason() throws Exception {
        SessionResult s = withSaliency("", "fit_ridge").run();
        assertFalse(s.run().succeeded());
        String message = s.run().problems().toString();
        assertTrue(message.contains("model.network") && message.contains("saliency"), message);
    }
}
