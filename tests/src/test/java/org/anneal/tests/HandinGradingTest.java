package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.handin.GradeRow;
import org.anneal.handin.Handins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty hand-ins (honest, leaky, tampered, hostile, one corrupt, one on an edited dataset) graded in one
 * batch: every file gets its row, and each row says the right thing.
 */
class HandinGradingTest {
    @TempDir
    Path students;

    @TempDir
    Path inbox;

    final WorkflowCodec codec = new WorkflowCodec();
    static final Path DATA = Path.of("datasets/elements.csv").toAbsolutePath();

    /** A student's copy of a workflow, with the dataset path pointing at the course's dataset. */
    Path studentCopy(String example, String name, Function<Workflow, Workflow> edit) throws Exception {
        Workflow w = codec.read(Path.of(example)).workflow();
        NodeInstance load = w.node("load").orElseThrow();
        w = edit.apply(w.withNode(load.withParam("path", DATA.toString())));
        Path f = students.resolve(name + ".json");
        codec.save(w.withBlock("puzzle", null), f);
        return f;
    }

    void handIn(Path workflow, String author) {
        Cli r = Cli.run("handin", workflow.toString(), "--author", author, "--out", inbox.resolve(workflow.getFileName()).toString());
        assertEquals(0, r.exit(), r.all());
    }

    static Function<Workflow, Workflow> lambda(double l) {
        return w -> w.withNode(w.node("ridge").orElseThrow().withParam("lambda", l));
    }

    @Test
    void aMixedFolderGradesIntoACorrectReport() throws Exception {
        for (int i = 0; i < 20; i++) { // honest, each with its own lambda
            handIn(studentCopy("workflows/01-linear-regression.json", "honest-" + i, lambda(0.05 * i)), "Student " + i);
        }
        for (int i = 0; i < 3; i++) { // scaler fitted before the split
            handIn(studentCopy("workflows/puzzles/01-scaler-before-split.json", "leaky-scaler-" + i, lambda(0.1 + i)), "Leaky " + i);
        }
        handIn(studentCopy("workflows/puzzles/02-test-on-train.json", "leaky-test-on-train", w -> w), "Optimist");
        for (int i = 0; i < 2; i++) { // results edited after hand-in
            handIn(studentCopy("workflows/01-linear-regression.json", "tampered-metrics-" + i, lambda(1 + i)), "Tamperer " + i);
            Path f = inbox.resolve("tampered-metrics-" + i + ".json");
            LoadedWorkflow lw = codec.read(f);
            ObjectNode h = (ObjectNode) lw.workflow().block("handin").orElseThrow();
            ((ObjectNode) h.get("metrics").get("score")).put("r2", 0.99);
            codec.save(lw.workflow().withBlock("handin", h), f);
        }
        // the workflow changed after hand-in (a parameter edited by hand)
        handIn(studentCopy("workflows/01-linear-regression.json", "tampered-workflow", lambda(3)), "Editor");
        LoadedWorkflow tw = codec.read(inbox.resolve("tampered-workflow.json"));
        codec.save(tw.workflow().withNode(tw.workflow().node("ridge").orElseThrow().withParam("lambda", 0.0)), inbox.resolve("tampered-workflow.json"));
        // hostile: a validly stamped hand-in that tries to read a file outside the allowed folders
        LoadedWorkflow honest = codec.read(inbox.resolve("honest-0.json"));
        Workflow evil = honest.workflow().withNode(honest.workflow().node("load").orElseThrow().withParam("path", "/etc/hostname"));
        ObjectNode h0 = (ObjectNode) honest.workflow().block("handin").orElseThrow();
        Workflow plain = evil.withBlock("handin", null);
        h0.put("digest", Handins.digest(plain, h0));
        codec.save(plain.withBlock("handin", h0), inbox.resolve("hostile-path.json"));
        // a student who edited the dataset
        String csv = Files.readString(DATA).replaceFirst("\n(H,hydrogen,1,1,1,s,1.00794,)0.0708", "\n$10.9");
        Files.writeString(students.resolve("elements.csv"), csv);
        Path edited = studentCopy("workflows/01-linear-regression.json", "edited-dataset", w -> w);
        Workflow ew = codec.read(edited).workflow();
        codec.save(ew.withNode(ew.node("load").orElseThrow().withParam("path", "elements.csv")), edited);
        handIn(edited, "Data Fiddler");
        Files.writeString(inbox.resolve("corrupt.json"), "{\"format\": \"anneal-workflow\", \"version\": 1, \"nodes\": [");
        assertEquals(30, Files.list(inbox).count());

        Path rubric = students.resolve("rubric.json");
        Files.writeString(rubric, """
                { "format": "anneal-rubric", "version": 1, "datasets": ["%s"], "tolerance": 1e-9, "timeLimitSeconds": 60,
                  "criteria": [ { "id": "r2", "text": "R2 on the test set at least 0.2", "points": 2, "metric": "score.r2", "min": 0.2 },
                                { "id": "honest", "text": "no leakage", "points": 3, "noFindings": ["errors", "L2"] },
                                { "id": "split", "text": "uses a train/test split", "points": 1, "requiresNodeType": "split.holdout" } ] }
                """.formatted(DATA.getParent().toString().replace("\\", "/")));
        Path report = students.resolve("report");
        Cli g = Cli.run("grade", inbox.toString(), "--rubric", rubric.toString(), "--out", report.toString());
        assertEquals(0, g.exit(), g.all());
        String csvReport = Files.readString(report.resolve("grades.csv"));
        assertEquals(31, csvReport.lines().count(), "a header and one row per file");
        assertTrue(Files.readString(report.resolve("grades.html")).contains("<td>Student 7</td>"));

        Map<String, GradeRow> rows = new org.anneal.handin.Grader(org.anneal.spec.NodeRegistry.standard())
                .gradeFolder(inbox, org.anneal.handin.Rubric.read(rubric)).stream().collect(Collectors.toMap(GradeRow::file, r -> r));
        for (int i = 0; i < 20; i++) {
            GradeRow r = rows.get("honest-" + i + ".json");
            assertEquals("ok", r.status(), r.toString());
            assertTrue(r.reproduced(), r.toString());
            assertEquals(List.of(), r.findings());
        }
        assertEquals(List.of("L2"), rows.get("leaky-scaler-0.json").findings());
        assertEquals(3.0, rows.get("leaky-scaler-0.json").points(), "loses the honesty points only");
        assertEquals(List.of("L1"), rows.get("leaky-test-on-train.json").findings());
        assertEquals("tampered", rows.get("tampered-metrics-0.json").status());
        assertEquals("tampered", rows.get("tampered-metrics-1.json").status());
        assertEquals("tampered", rows.get("tampered-workflow.json").status());
        assertEquals("invalid", rows.get("hostile-path.json").status());
        assertTrue(rows.get("hostile-path.json").notes().get(0).contains("leads outside the folders"), rows.get("hostile-path.json").toString());
        assertEquals("dataset-mismatch", rows.get("edited-dataset.json").status());
        assertFalse(rows.get("edited-dataset.json").reproduced());
        assertEquals("corrupt", rows.get("corrupt.json").status());
        assertTrue(rows.get("corrupt.json").notes().get(0).contains("not valid JSON"));
    }
}
