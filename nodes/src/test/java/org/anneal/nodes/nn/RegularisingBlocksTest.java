package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nn.batch-norm and nn.dropout in a real workflow: workflow 18 with both blocks between its two dense layers. Their
 * shapes and parameter counts at configure time, the layers they add to the network value, a located error for a drop
 * probability out of range, and a short real training through the engine.
 */
class RegularisingBlocksTest {
    private static final Path EXAMPLE = Path.of("../workflows/18-mlp-regression.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Workflow 18 with hidden1 → norm → drop → hidden2, trained for a few epochs, written beside its datasets' folder. */
    private LoadedWorkflow withBlocks(double drop) throws Exception {
        ObjectNode w = (ObjectNode) JSON.readTree(Files.readString(EXAMPLE));
        ArrayNode nodes = (ArrayNode) w.get("nodes");
        nodes.addObject().put("id", "norm").put("type", "nn.batch-norm");
        nodes.addObject().put("id", "drop").put("type", "nn.dropout").putObject("params").put("drop", drop);
        for (JsonNode n : nodes) {
            if (n.get("id").asText().equals("mlp")) {
                ((ObjectNode) n.get("params")).put("epochs", 5);
            }
        }
        ArrayNode links = (ArrayNode) w.get("links");
        for (JsonNode l : links) {
            if (l.get("from").asText().equals("hidden1:out")) {
                ((ObjectNode) l).put("to", "norm:in");
            }
        }
        links.addObject().put("from", "norm:out").put("to", "drop:in");
        links.addObject().put("from", "drop:out").put("to", "hidden2:in");
        Path file = EXAMPLE.toAbsolutePath().getParent().resolve("regularised-" + Math.abs(tmp.hashCode()) + ".json");
        try {
            Files.writeString(file, JSON.writeValueAsString(w));
            return new WorkflowCodec().read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void bothBlocksKeepTheShapeAndCountTheirParameters() throws Exception {
        Checked checked = WorkflowSession.checking(NodeRegistry.standard()).check(withBlocks(0.3));
        assertEquals(List.of(), checked.validation().problems());
        NetworkSpec norm = (NetworkSpec) checked.validation().outSpecs().get("norm").get("out");
        NetworkSpec drop = (NetworkSpec) checked.validation().outSpecs().get("drop").get("out");
        assertEquals("→ 32 · 128 params", norm.summary(), "scale, shift, running mean and variance for each of 32 features");
        assertEquals("→ 32 · 0 params", drop.summary());
        assertEquals(288 + 128 + 0 + 33 * 16, ((NetworkSpec) checked.validation().outSpecs().get("hidden2").get("out")).totalParams());
    }

    @Test
    void aDropProbabilityOutOfRangeIsLocatedOnTheParameter() throws Exception {
        Checked checked = WorkflowSession.checking(NodeRegistry.standard()).check(withBlocks(1.5));
        List<Problem> problems = checked.validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("drop", problems.get(0).nodeId());
        assertEquals("drop", problems.get(0).param());
    }

    @Test
    void theNetworkTrainsWithBothBlocksInPlace() throws Exception {
        WorkflowSession session;
        SessionResult s;
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            session = new WorkflowSession(NodeRegistry.standard(), ex);
            s = session.run(session.check(withBlocks(0.3)), SessionOptions.on(DeviceSelector.system().select("cpu")));
        }
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Network net = (Network) s.run().node("drop").outputs().get("out");
        assertEquals(List.of("dense", "batch-norm", "dropout"), net.layers().stream().map(LayerDef::kind).toList());
        assertEquals(0.3, ((DropoutNode.Params) net.layers().get(2)).drop(), 0);
        NetworkLearner learner = (NetworkLearner) s.run().node("mlp").outputs().get("learner");
        assertTrue(learner.describe().contains("batch-norm → dropout"), learner.describe());
        assertTrue(s.run().node("score").outputs().get("metrics") != null, "the trained network was scored");
    }
}
