package org.anneal.nodes.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeRegistry;

/**
 * An example workflow (or an empty one) edited in a test: blocks added, parameters set, wires drawn; then checked or
 * run through the engine as the editor would. The edited file is written beside the examples for a moment, so the
 * dataset paths in it resolve as they do for the original.
 */
public final class ExampleEdits {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode workflow;

    private ExampleEdits(ObjectNode workflow) {
        this.workflow = workflow;
    }

    /** {@code workflows/<name>} as it is committed. */
    public static ExampleEdits of(String name) throws Exception {
        return new ExampleEdits((ObjectNode) JSON.readTree(Files.readString(Path.of("../workflows", name))));
    }

    /** A workflow with no blocks yet, seed {@code seed}. */
    public static ExampleEdits empty(long seed) {
        ObjectNode w = JSON.createObjectNode().put("format", "anneal-workflow").put("version", 1);
        w.putObject("meta").put("title", "test").put("seed", seed).put("device", "cpu");
        w.putArray("nodes");
        w.putArray("links");
        return new ExampleEdits(w);
    }

    /** Adds block {@code id} of {@code type} with {@code params} (numbers, strings, booleans or lists of numbers). */
    public ExampleEdits add(String id, String type, Map<String, Object> params) {
        ObjectNode n = ((ArrayNode) workflow.get("nodes")).addObject().put("id", id).put("type", type);
        n.set("params", JSON.valueToTree(params));
        return this;
    }

    /** Sets one parameter of an existing block. */
    public ExampleEdits set(String id, String param, Object value) {
        for (JsonNode n : workflow.get("nodes")) {
            if (n.get("id").asText().equals(id)) {
                if (!n.has("params")) {
                    ((ObjectNode) n).putObject("params");
                }
                ((ObjectNode) n.get("params")).set(param, JSON.valueToTree(value));
                return this;
            }
        }
        throw new IllegalArgumentException("no block " + id);
    }

    /** A wire from {@code node:port} to {@code node:port}. */
    public ExampleEdits link(String from, String to) {
        ((ArrayNode) workflow.get("links")).addObject().put("from", from).put("to", to);
        return this;
    }

    public LoadedWorkflow load() throws Exception {
        Path file = Path.of("../workflows").toAbsolutePath().resolve("edited-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".json");
        try {
            Files.writeString(file, JSON.writeValueAsString(workflow));
            return new WorkflowCodec().read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public Checked check() throws Exception {
        return WorkflowSession.checking(NodeRegistry.standard()).check(load());
    }

    /** Validates and runs on the CPU with two parallel branches, as the command line does. */
    public SessionResult run() throws Exception {
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), ex);
            return session.run(session.check(load()), SessionOptions.on(DeviceSelector.system().select("cpu")));
        }
    }
}
