package org.anneal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.anneal.device.Device;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loader's cache key includes the SHA-256 of its file: edit the data and the pipeline re-runs from the loader. */
class FileFingerprintCacheTest {
    @TempDir
    Path dir;

    @Test
    void changingTheCsvReRunsTheLoaderAndEverythingAfterIt() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n");
        Files.writeString(dir.resolve("w.json"), """
                {"format":"anneal-workflow","version":1,
                 "nodes":[{"id":"load","type":"data.csv","params":{"path":"d.csv","target":"y"}},
                          {"id":"split","type":"split.holdout","params":{"test":0.4}},
                          {"id":"ridge","type":"model.ridge","params":{"lambda":0}}],
                 "links":[{"from":"load:table","to":"split:table"}]}
                """);
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            RunResult first = run(ex);
            assertEquals(Set.of("load", "split", "ridge"), Set.copyOf(first.executed()));
            assertEquals(List.of(), run(ex).executed());
            Files.writeString(dir.resolve("d.csv"), "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n6,12\n");
            RunResult afterEdit = run(ex);
            assertEquals(Set.of("load", "split"), Set.copyOf(afterEdit.executed()));
            String sha = afterEdit.fingerprints().get("load").get(0).sha256();
            assertTrue(sha.matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void aRunOnAnEmptyCacheStartsBeforeItsKeysAreKnownAndEndsWithTheSameKeys() throws Exception {
        writeLoadAndSplit();
        RunResult unwaited;
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) { // empty: the keys are computed beside the nodes
            unwaited = run(ex);
        }
        MemoryCache holding = MemoryCache.standard();
        holding.put("some other run", org.anneal.spec.Outputs.builder().build());
        RunResult waited;
        try (Executor ex = new Executor(holding, 2)) { // not empty: the keys come first, as a lookup needs them
            waited = run(ex);
        }
        assertEquals(Set.of("load", "split"), Set.copyOf(unwaited.executed()));
        assertEquals(Set.of("load", "split"), Set.copyOf(waited.executed()));
        for (String id : List.of("load", "split")) {
            assertTrue(unwaited.nodes().get(id).cacheKey().matches("[0-9a-f]{64}"));
            assertEquals(waited.nodes().get(id).cacheKey(), unwaited.nodes().get(id).cacheKey(), id);
        }
        assertEquals(waited.fingerprints(), unwaited.fingerprints());
    }

    @Test
    void aFileGoneBetweenValidationAndAnEmptyCacheRunIsALocatedProblem() throws Exception {
        writeLoadAndSplit();
        LoadedWorkflow lw = new WorkflowCodec().read(dir.resolve("w.json"));
        FileAccess files = FileAccess.unrestricted(lw.baseDir());
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, files);
        Files.delete(dir.resolve("d.csv"));
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            RunResult r = ex.run(v, new RunOptions(Set.of(), new Device("cpu", "cpu", "", ""), files), e -> { });
            // the loader fails on its own missing file, or is skipped because its key could not be computed: both name it
            String message = r.nodes().get("load").problem().message();
            assertTrue(message.contains("d.csv"), message);
            assertFalse(r.nodes().get("load").status().hasOutputs());
            assertFalse(r.nodes().get("split").status().hasOutputs());
        }
    }

    private void writeLoadAndSplit() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n");
        Files.writeString(dir.resolve("w.json"), """
                {"format":"anneal-workflow","version":1,
                 "nodes":[{"id":"load","type":"data.csv","params":{"path":"d.csv","target":"y"}},
                          {"id":"split","type":"split.holdout","params":{"test":0.4}}],
                 "links":[{"from":"load:table","to":"split:table"}]}
                """);
    }

    private RunResult run(Executor ex) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(dir.resolve("w.json"));
        FileAccess files = FileAccess.unrestricted(lw.baseDir());
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, files);
        assertEquals(List.of(), v.problems());
        return ex.run(v, new RunOptions(Set.of(), new Device("cpu", "cpu", "", ""), files), e -> { });
    }
}
