package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer blocks at configure time: shapes and parameter counts before anything runs, located errors, no native code. */
class NetworkNodesTest {
    private static final String EXAMPLE = "../workflows/18-mlp-regression.json";
    private static final String CNN_EXAMPLE = "../workflows/22-cnn-micrographs.json";
    private static final String UNET_EXAMPLE = "../workflows/40-unet-segmentation.json";

    @TempDir
    Path tmp;

    private static Validation validate(Path file, NodeRegistry registry) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(file);
        return new Validator(registry).validate(lw, FileAccess.unrestricted(lw.baseDir()));
    }

    private static NetworkSpec network(Validation v, String node, String port) {
        return (NetworkSpec) v.outSpecs().get(node).get(port);
    }

    @Test
    void everyBlockKnowsItsShapeAndParameterCountBeforeAnythingRuns() throws Exception {
        Validation v = validate(Path.of(EXAMPLE), NodeRegistry.standard());
        assertEquals(List.of(), v.problems());
        NetworkSpec input = network(v, "input", "network");
        assertEquals(8, input.inputColumns().size());
        assertEquals(List.of(8), input.inputShape());
        assertEquals("compressive_strength_mpa", input.target().name());
        assertEquals("→ 32 · 288 params", network(v, "hidden1", "out").summary());
        NetworkSpec last = network(v, "hidden2", "out");
        assertEquals("→ 16 · 528 params", last.summary());
        assertEquals(288 + 528, last.totalParams());
        assertEquals(List.of("hidden1", "hidden2"), last.layers().stream().map(NetworkSpec.Layer::node).toList());
    }

    /** Every layer block, on an image and on a sequence input. */
    private Path everyBlock() throws Exception {
        Path file = tmp.resolve("every-block.json");
        Files.writeString(file, """
                {"format": "anneal-workflow", "version": 1, "meta": {"title": "t", "seed": 1, "device": "cpu"},
                 "nodes": [{"id": "img", "type": "test.shape-input", "params": {"shape": [16, 16, 1]}},
                           {"id": "conv2d", "type": "nn.conv2d", "params": {"filters": 4, "kernel": [3, 3]}},
                           {"id": "norm", "type": "nn.batch-norm"},
                           {"id": "pool", "type": "nn.pool"},
                           {"id": "up", "type": "nn.upsample"},
                           {"id": "drop", "type": "nn.dropout"},
                           {"id": "flat", "type": "nn.flatten"},
                           {"id": "dense", "type": "nn.dense", "params": {"units": 3}},
                           {"id": "seq", "type": "test.shape-input", "params": {"shape": [20, 3]}},
                           {"id": "conv1d", "type": "nn.conv1d", "params": {"filters": 4, "kernel": 3}},
                           {"id": "lstm", "type": "nn.lstm", "params": {"units": 5, "steps": "every"}},
                           {"id": "att", "type": "nn.attention", "params": {"units": 6, "heads": 2, "headSize": 3}},
                           {"id": "gpool", "type": "nn.global-pool"}],
                 "links": [{"from": "img:network", "to": "conv2d:in"}, {"from": "conv2d:out", "to": "norm:in"},
                           {"from": "norm:out", "to": "pool:in"}, {"from": "pool:out", "to": "up:in"}, {"from": "up:out", "to": "drop:in"},
                           {"from": "drop:out", "to": "flat:in"}, {"from": "flat:out", "to": "dense:in"},
                           {"from": "seq:network", "to": "conv1d:in"}, {"from": "conv1d:out", "to": "lstm:in"},
                           {"from": "lstm:out", "to": "att:in"}, {"from": "att:out", "to": "gpool:in"}]}
                """);
        return file;
    }

    @Test
    void configuringNetworkBlocksLoadsNoNativeCodeAndNoDl4jClass() throws Exception {
        URL[] path = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> {
                    try {
                        return Path.of(p).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (Isolated loader = new Isolated(path)) {
            Class<?> probe = Class.forName(ConfigureOnly.class.getName(), true, loader);
            assertEquals(loader, probe.getClassLoader(), "the probe runs in its own class loader, with fresh static state");
            String out = (String) probe.getMethod("validate", String.class).invoke(null, EXAMPLE);
            assertFalse(out.contains("problem"), out);
            assertTrue(out.contains("hidden2 → 16 · 528 params"), out);
            String every = (String) probe.getMethod("validate", String.class).invoke(null, everyBlock().toString());
            assertFalse(every.contains("problem"), every);
            for (String line : List.of("conv2d → 14×14×4 · 40 params", "norm → 14×14×4 · 16 params", "pool → 7×7×4 · 0 params",
                    "up → 14×14×4 · 0 params", "flat → 784 · 0 params", "dense → 3 · 2,355 params", "conv1d → 18×4 · 40 params",
                    "lstm → 18×5 · 200 params", "att → 18×6 · 126 params", "gpool → 6 · 0 params")) {
                assertTrue(every.contains(line), line + " in\n" + every);
            }
            String micrographs = (String) probe.getMethod("validate", String.class).invoke(null, CNN_EXAMPLE);
            assertFalse(micrographs.contains("problem"), micrographs);
            assertTrue(micrographs.contains("input → 48×48×1"), micrographs);
            String unet = (String) probe.getMethod("validate", String.class).invoke(null, UNET_EXAMPLE);
            assertFalse(unet.contains("problem"), unet);
            assertTrue(unet.contains("merge → 48×48×24 · 0 params"), unet);
            assertFalse(loader.loaded("org.anneal.nn.dl4j.Dl4jGraphs") || loader.loaded("org.deeplearning4j.nn.conf.graph.MergeVertex"),
                    "a merge is configured without its DL4J vertex");
            for (String block : List.of("Dense", "Dropout", "BatchNorm", "Conv1d", "Conv2d", "Pool", "GlobalPool", "Flatten", "Lstm",
                    "Upsample", "Attention")) {
                assertTrue(loader.loaded("org.anneal.nodes.nn." + block + "Node$Params"), block + ": its layer was configured");
                assertFalse(loader.loaded("org.anneal.nodes.nn." + block + "Node$Dl4j"), block + ": its DL4J side stayed unloaded");
            }
            for (String cls : List.of("org.nd4j.linalg.factory.Nd4j", "org.nd4j.nativeblas.NativeOpsHolder",
                    "org.deeplearning4j.nn.conf.NeuralNetConfiguration", "org.anneal.nn.dl4j.Dl4jRuntime", "org.anneal.nn.dl4j.Dl4jTrainer")) {
                assertFalse(loader.loaded(cls), cls + " was loaded while configuring");
            }
            assertTrue(loader.loaded("org.anneal.nodes.nn.DenseNode"), "the check itself sees what configure loaded");
        }
    }

    /** Loads the class path again, without delegating to the test's loader, and tells which classes it loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    // A stand-in for an image table and nn.input: enough to see where the validator puts a shape error that a layer
    // raises on a parameter, without generating images.
    @NodeType(id = "test.image-input", title = "Image input", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Test.")
    public static final class ImageInput implements Node<ImageInput.Params> {
        public record Params() {
        }

        static final OutPort<Network> OUT = OutPort.of("network", DataKind.NETWORK, Network.class, "it");

        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            return Specs.of(OUT, NetworkSpec.input(List.of("image"), List.of(6, 6, 1), null));
        }

        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            throw new AssertionError("a stand-in block for validation only; this test never runs it");
        }
    }

    @Test
    void aKernelThatDoesNotFitIsAProblemLocatedOnTheKernelParameterOfThatBlock() throws Exception {
        Path file = tmp.resolve("conv.json");
        Files.writeString(file, """
                {"format": "anneal-workflow", "version": 1, "meta": {"title": "t", "seed": 1, "device": "cpu"},
                 "nodes": [{"id": "img", "type": "test.image-input"},
                           {"id": "c1", "type": "nn.conv2d", "params": {"filters": 4, "kernel": [3, 3]}},
                           {"id": "c2", "type": "nn.conv2d", "params": {"filters": 4, "kernel": [5, 5]}}],
                 "links": [{"from": "img:network", "to": "c1:in"}, {"from": "c1:out", "to": "c2:in"}]}
                """);
        Validation v = validate(file, new NodeRegistry(List.of(new ImageInput(), new Conv2dNode())));
        assertEquals("→ 4×4×4 · 40 params", network(v, "c1", "out").summary());
        assertEquals(1, v.problems().size(), v.problems().toString());
        Problem p = v.problems().get(0);
        assertEquals("c2", p.nodeId());
        assertEquals("kernel", p.param());
        assertTrue(p.message().contains("window of 5 does not fit in an input 4"), p.message());
        assertTrue(String.valueOf(p.location()).contains("params/kernel"), String.valueOf(p.location()));
    }

    @Test
    void theInputBlockRefusesACategoricalColumnOnItsColumnsParameter() throws Exception {
        Path file = tmp.resolve("input.json");
        Files.copy(Path.of("../datasets/glass.csv"), tmp.resolve("glass.csv"));
        Files.writeString(file, """
                {"format": "anneal-workflow", "version": 1, "meta": {"title": "t", "seed": 1, "device": "cpu"},
                 "nodes": [{"id": "load", "type": "data.csv", "params": {"path": "glass.csv", "target": "glass_type"}},
                           {"id": "in", "type": "nn.input", "params": {"columns": ["na_wt_pct", "glass_type"]}}],
                 "links": [{"from": "load:table", "to": "in:table"}]}
                """);
        Validation v = validate(file, NodeRegistry.standard());
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertEquals("columns", v.problems().get(0).param());
        assertTrue(v.problems().get(0).message().contains("'glass_type' holds categories"), v.problems().get(0).message());
    }

    @Test
    void modelNetworkMakesALearnerWithTheHeadTheTargetAsksFor() throws Exception {
        Validation v = validate(Path.of(EXAMPLE), NodeRegistry.standard());
        assertEquals(org.anneal.spec.Task.REGRESSION, ((org.anneal.spec.LearnerSpec) v.outSpecs().get("mlp").get("learner")).task());
        Network net = new Network(List.of("a"), Shape.flat(1), "y", org.anneal.spec.Task.REGRESSION, List.of());
        Outputs out = new NetworkNode().execute(new Inputs(java.util.Map.of("network", net)), new NetworkNode.Params(7, 5, 0, 0, 0.1, 0), null);
        NetworkLearner learner = (NetworkLearner) out.get("learner");
        assertEquals(7, learner.settings().epochs());
        assertTrue(learner.describe().startsWith("Neural network regression"), learner.describe());
    }
}
