package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.anneal.exec.FileAccess;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;

/**
 * The run-time leakage checks give, word for word, the findings recorded in {@code tests/fixtures/runtime-findings.json}
 * on every shipped example, puzzle (and its solution), suspicious workflow and leakage fixture. The file was written by
 * the checks as they were before they were made to scale (issue 16, "Performance"), so this test is the proof that the
 * faster checks find the same things. A workflow whose file changed since (its SHA-256 differs) is compared no more and
 * listed; rewrite the record with {@code -Danneal.snapshot.write=true} only when a change of findings is intended.
 * The examples (which raise no run-time finding, and include the slow network trainings GoldenWorkflowsTest runs
 * anyway) are compared with {@code -Danneal.snapshot.examples=true}: {@code mvn -o -B -pl tests -am test
 * -Dtest=RunTimeFindingsSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -Danneal.snapshot.examples=true}.
 */
class RunTimeFindingsSnapshotTest {
    static final Path RECORD = Path.of("tests/fixtures/runtime-findings.json");
    static final List<String> FOLDERS = List.of("workflows", "workflows/puzzles", "workflows/suspicious", "tests/fixtures/leakage");

    /** The folders compared in this run: every one when writing the record or when asked, else all but the examples. */
    static List<String> folders() {
        return Boolean.getBoolean("anneal.snapshot.write") || Boolean.getBoolean("anneal.snapshot.examples") ? FOLDERS
                : FOLDERS.subList(1, FOLDERS.size());
    }

    @Test
    void theChecksFindWhatTheyFoundBeforeTheyScaled() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode now = json.createObjectNode();
        for (Path file : files()) {
            now.set(file.toString().replace('\\', '/'), findingsOf(file));
        }
        if (Boolean.getBoolean("anneal.snapshot.write")) {
            Files.writeString(RECORD, json.writeValueAsString(now) + "\n");
            return;
        }
        JsonNode before = json.readTree(RECORD.toFile());
        List<String> changedFiles = new ArrayList<>();
        int compared = 0;
        for (var it = before.fields(); it.hasNext(); ) {
            var e = it.next();
            String folder = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
            if (!folders().contains(folder)) {
                continue;
            }
            JsonNode current = now.get(e.getKey());
            if (current == null || !current.path("sha256").equals(e.getValue().path("sha256"))) {
                changedFiles.add(e.getKey());
                continue;
            }
            assertEquals(e.getValue().toPrettyString(), current.toPrettyString(), e.getKey() + ": the run-time findings changed");
            compared++;
        }
        System.out.println("run-time findings compared on " + compared + " workflows; changed or gone since the record: " + changedFiles);
        assertTrue(compared >= 60, "most shipped workflows are still the recorded ones: " + compared + " compared, changed: " + changedFiles);
        assertTrue(before.toString().contains("\"D1\"") && before.toString().contains("\"D4\"") && before.toString().contains("\"D3\""),
                "the record holds findings of the rules made faster, not only empty lists");
    }

    static List<Path> files() throws Exception {
        List<Path> out = new ArrayList<>();
        for (String folder : folders()) {
            Path dir = Path.of(folder);
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> out.add(Path.of(folder).resolve(p.getFileName())));
            }
        }
        return out;
    }

    /** The workflow's SHA-256 and its run-time findings in full; "not run" with the reason when it does not validate or run. */
    static ObjectNode findingsOf(Path relative) throws Exception {
        Path file = relative;
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        LoadedWorkflow lw = new WorkflowCodec().read(file);
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        if (v.hasErrors()) {
            o.put("notRun", "validation: " + v.errors().get(0).code());
            return o;
        }
        // as anneal run meets them: through the session, which starts each split's checks as soon as its tables exist
        DynamicChecks.Thresholds thresholds = DynamicChecks.Thresholds.of(lw.workflow());
        SessionResult s;
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), ex);
            s = session.run(new Checked(v, List.of(), FileAccess.unrestricted(lw.baseDir())),
                    SessionOptions.on(DeviceSelector.system().select(lw.workflow().meta().device())).withRunTimeChecks(thresholds));
        }
        List<Finding> found = s.dynamicFindings();
        assertEquals(new DynamicChecks(thresholds).analyze(v, s.run()), found, relative + ": the checks started ahead find what the checks after the run find");
        ArrayNode a = o.putArray("findings");
        found.forEach(f -> a.add(f.toJson()));
        return o;
    }
}
