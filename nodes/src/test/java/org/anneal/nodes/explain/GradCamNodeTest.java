package org.anneal.nodes.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.graph.Problem;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/** explain.grad-cam on the CNN of workflow 22 (micrographs): maps beside the images, and its layer choice checked before anything runs. */
class GradCamNodeTest {

    private static ExampleEdits withGradCam(String layer, String model, int from, int rows) throws Exception {
        return ExampleEdits.of("22-cnn-micrographs.json").set("cnn", "epochs", 2)
                .add("cam", "explain.grad-cam", Map.of("layer", layer, "from", from, "rows", rows))
                .link(model + ":model", "cam:model").link("split:test", "cam:data");
    }

    private static Problem onlyProblem(ExampleEdits w) throws Exception {
        List<Problem> problems = w.check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("cam", problems.get(0).nodeId());
        return problems.get(0);
    }

    @Test
    void aMapTheSizeOfTheImageStandsBesideEachExplainedImage() throws Exception {
        SessionResult s = withGradCam("conv2", "fit", 2, 3).run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table t = (Table) s.run().node("cam").outputs().get("maps");
        assertEquals(3, t.rowCount());
        TensorColumn maps = (TensorColumn) t.column("gradcam").orElseThrow();
        assertEquals(List.of(48, 48, 1), java.util.Arrays.stream(maps.shape().dims()).boxed().toList());
        for (int r = 0; r < 3; r++) {
            for (float v : maps.get(r)) {
                assertTrue(v >= 0 && Float.isFinite(v), "a Grad-CAM map is the ReLU of a weighted sum");
            }
        }
        assertTrue(t.column("image").isPresent() && t.column("explained_class").isPresent(), "the image and the class beside its map");
        Table test = (Table) s.run().node("split").outputs().get("test");
        assertEquals(((TensorColumn) test.column("image").orElseThrow()).get(2)[100],
                ((TensorColumn) t.column("image").orElseThrow()).get(0)[100], "row 'from' = 2 is the first explained");
    }

    @Test
    void theEmptyLayerIsTheLastConvolutionAndGivesTheSameMapAsNamingIt() throws Exception {
        SessionResult named = withGradCam("conv2", "fit", 0, 1).run();
        SessionResult last = withGradCam("", "fit", 0, 1).run();
        float[] a = ((TensorColumn) ((Table) named.run().node("cam").outputs().get("maps")).column("gradcam").orElseThrow()).get(0);
        float[] b = ((TensorColumn) ((Table) last.run().node("cam").outputs().get("maps")).column("gradcam").orElseThrow()).get(0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    @Test
    void aBlockThatIsNoConvolutionIsAnErrorOnLayer() throws Exception {
        Problem p = onlyProblem(withGradCam("hidden", "fit", 0, 1));
        assertEquals("layer", p.param());
        assertTrue(p.message().contains("dense") && p.fix().contains("conv1, conv2"), p.message() + " " + p.fix());
    }

    @Test
    void aBlockNotInThisNetworkIsAnErrorOnLayer() throws Exception {
        Problem p = onlyProblem(withGradCam("split", "fit", 0, 1));
        assertEquals("layer", p.param());
        assertTrue(p.message().contains("no block 'split'"), p.message());
    }

    @Test
    void aModelThatIsNoNetworkIsAnErrorOnTheModelPortAndAnMlpHasNoConvolution() throws Exception {
        Problem ridge = onlyProblem(ExampleEdits.of("18-mlp-regression.json").add("cam", "explain.grad-cam", Map.of())
                .link("fit_ridge:model", "cam:model").link("scale_test:out", "cam:data"));
        assertEquals("model", ridge.port());
        Problem mlp = onlyProblem(ExampleEdits.of("18-mlp-regression.json").add("cam", "explain.grad-cam", Map.of())
                .link("fit:model", "cam:model").link("scale_test:out", "cam:data"));
        assertEquals("layer", mlp.param());
        assertTrue(mlp.message().contains("no convolution"), mlp.message());
    }

    @Test
    void aStartPastTheLastRowStopsWithTheReason() throws Exception {
        SessionResult s = withGradCam("conv1", "fit", 100000, 1).run();
        assertFalse(s.run().succeeded());
        String message = s.run().problems().toString();
        assertTrue(message.contains("'from'"), message);
    }
}
