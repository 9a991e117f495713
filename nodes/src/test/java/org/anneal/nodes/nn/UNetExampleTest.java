package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The U-Net example before anything runs: shapes on every block, a per-pixel learner, and located errors when wired wrong. */
class UNetExampleTest {
    private static final Path EXAMPLE = Path.of("../workflows/40-unet-segmentation.json");

    @TempDir
    Path tmp;

    private static Validation validate(String json, Path dir) throws Exception {
        Path file = dir.resolve("unet.json");
        Files.writeString(file, json);
        LoadedWorkflow lw = new WorkflowCodec().read(file);
        return new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
    }

    /** The example with the wire into {@code to} coming from {@code from} instead. */
    private static String rewired(String to, String from) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode w = (ObjectNode) json.readTree(Files.readString(EXAMPLE));
        w.withArray("links").forEach(l -> {
            if (l.get("to").asText().equals(to)) {
                ((ObjectNode) l).put("from", from);
            }
        });
        return json.writeValueAsString(w);
    }

    @Test
    void theExampleShowsItsShapesAndIsAPerPixelClassifier() throws Exception {
        Validation v = validate(Files.readString(EXAMPLE), tmp);
        assertEquals(List.of(), v.problems());
        NetworkSpec merged = (NetworkSpec) v.outSpecs().get("merge").get("out");
        assertEquals("→ 48×48×24 · 0 params", merged.summary());
        NetworkSpec last = (NetworkSpec) v.outSpecs().get("conv3").get("out");
        // conv1 80, conv2 3·3·8·16 + 16 = 1,168, conv3 3·3·24·8 + 8 = 1,736: conv1 counted once although two wires carry it
        assertEquals("6 layers · 2,984 params", last.totalSummary());
        assertEquals(Task.SEGMENTATION, ((LearnerSpec) v.outSpecs().get("unet").get("learner")).task());
        ColumnSpec mask = ((TableSpec) v.outSpecs().get("predict").get("predictions")).column("mask").orElseThrow();
        assertTrue(mask.isTensor() && mask.shape().dimsText().equals("48×48×1"), mask.toString());
    }

    @Test
    void aNetworkThatEndsSmallerThanTheMaskIsAnErrorOnModelNetwork() throws Exception {
        Validation v = validate(rewired("unet:network", "conv2:out"), tmp);
        Problem p = v.problems().stream().filter(x -> "unet".equals(x.nodeId())).findFirst().orElseThrow(() -> new AssertionError(v.problems()));
        assertEquals("network", p.port());
        assertTrue(p.message().contains("48×48 mask") && p.message().contains("ends in 12×12×16"), p.message());
        assertTrue(p.fix().contains("nn.upsample"), p.fix());
    }

    @Test
    void mergingTheSkipBeforeUpsamplingNamesBothSizesAndTheFix() throws Exception {
        Validation v = validate(rewired("merge:in", "conv2:out"), tmp);
        Problem p = v.problems().stream().filter(x -> "merge".equals(x.nodeId())).findFirst().orElseThrow(() -> new AssertionError(v.problems()));
        assertEquals("skip", p.port());
        assertTrue(p.message().contains("'in' is 12×12×16, 'skip' is 48×48×8"), p.message());
        assertTrue(p.fix().contains("nn.upsample (size 4) on the 'in' branch") && p.fix().contains("nn.pool (size 4, stride 4) on the 'skip' branch"),
                p.fix());
    }

    @Test
    void scoringAPerPixelClassifierRowByRowIsRefusedWithTheWayThatWorks() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode w = (ObjectNode) json.readTree(Files.readString(EXAMPLE));
        w.withArray("nodes").addObject().put("id", "cv").put("type", "evaluate.cross-validate");
        w.withArray("nodes").addObject().put("id", "acc").put("type", "evaluate.classification");
        w.withArray("links").addObject().put("from", "unet:learner").put("to", "cv:learner");
        w.withArray("links").addObject().put("from", "split:train").put("to", "cv:table");
        w.withArray("links").addObject().put("from", "fit:model").put("to", "acc:model");
        w.withArray("links").addObject().put("from", "split:test").put("to", "acc:data");
        Validation v = validate(json.writeValueAsString(w), tmp);
        Problem cv = v.problems().stream().filter(x -> "cv".equals(x.nodeId())).findFirst().orElseThrow(() -> new AssertionError(v.problems()));
        assertEquals("learner", cv.port());
        assertTrue(cv.fix().contains("evaluate.segmentation"), cv.fix());
        Problem acc = v.problems().stream().filter(x -> "acc".equals(x.nodeId())).findFirst().orElseThrow(() -> new AssertionError(v.problems()));
        assertTrue(acc.message().contains("segmentation model"), acc.message());
    }

    @Test
    void setTargetMakesTheMaskTheTargetAndSetsTheOldOneAside() throws Exception {
        Validation v = validate(Files.readString(EXAMPLE), tmp);
        TableSpec before = (TableSpec) v.outSpecs().get("micrographs").get("table");
        TableSpec after = (TableSpec) v.outSpecs().get("target").get("out");
        assertEquals("route", before.target().orElseThrow().name());
        assertEquals("phase_mask", after.target().orElseThrow().name());
        assertEquals(org.anneal.spec.ColumnRole.IGNORE, after.column("route").orElseThrow().role());
        assertEquals(before.column("image"), after.column("image"));
        org.anneal.data.Table t = new org.anneal.data.Table(List.of(
                new org.anneal.data.NumericColumn("a", org.anneal.spec.ColumnRole.FEATURE, new double[] {1, 2}),
                new org.anneal.data.NumericColumn("b", org.anneal.spec.ColumnRole.TARGET, new double[] {3, 4})));
        var out = (org.anneal.data.Table) new org.anneal.nodes.data.SetTargetNode().execute(new org.anneal.spec.Inputs(java.util.Map.of("table", t)),
                new org.anneal.nodes.data.SetTargetNode.Params("a"), null).get("out");
        assertEquals("a", out.target().orElseThrow().name());
        assertEquals(org.anneal.spec.ColumnRole.IGNORE, out.column("b").orElseThrow().role());
        assertEquals(List.of(1.0, 2.0), java.util.Arrays.stream(out.numeric("a").values()).boxed().toList());
    }
}
