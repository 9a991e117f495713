package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.handin.Handins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: hostile hand-ins, as real files in one folder, graded by {@code anneal grade}. Each gets a row with a clear
 * status, and the honest hand-ins after them are graded as if the hostile ones were not there.
 */
class HostileHandinsTest {
    @TempDir
    Path work;

    final WorkflowCodec codec = new WorkflowCodec();
    static final Path COURSE = Path.of("datasets").toAbsolutePath();

    Path inbox() throws Exception {
        return Files.createDirectories(work.resolve("inbox"));
    }

    /** Example 01 written into {@code dir} as {@code name}.json, its dataset read as {@code path}; handed in to the inbox. */
    Path handIn(Path dir, String name, String path, String author, Function<Workflow, Workflow> edit) throws Exception {
        Files.createDirectories(dir);
        Workflow w = codec.read(Path.of("workflows/01-linear-regression.json")).workflow();
        w = edit.apply(w.withNode(w.node("load").orElseThrow().withParam("path", path)));
        Path f = dir.resolve(name + ".json");
        codec.save(w, f);
        Path out = inbox().resolve(name + ".json");
        Cli r = Cli.run("handin", f.toString(), "--author", author, "--out", out.toString());
        assertEquals(0, r.exit(), r.all());
        return out;
    }

    /** A validly stamped hand-in whose workflow was replaced after the run (digest recomputed, as a determined student would). */
    void forge(Path stamped, Path target, Workflow replacement) throws Exception {
        ObjectNode h = (ObjectNode) codec.read(stamped).workflow().block("handin").orElseThrow();
        Workflow plain = replacement.withBlock("handin", null);
        h.put("digest", Handins.digest(plain, h));
        codec.save(plain.withBlock("handin", h), target);
    }

    Path rubric(int seconds) throws Exception {
        return Files.writeString(work.resolve("rubric.json"), """
                { "format": "anneal-rubric", "version": 1, "datasets": ["%s"], "tolerance": 1e-9, "timeLimitSeconds": %d,
                  "criteria": [ { "id": "r2", "text": "R2 at least 0.2", "points": 2, "metric": "score.r2", "min": 0.2 } ] }
                """.formatted(COURSE.toString().replace("\\", "/"), seconds));
    }

    @Test
    void hostileHandInsGetAClearRowAndTheHonestOnesAfterThemAreGradedOk() throws Exception {
        Path inbox = inbox();
        // honest students whose dataset sits beside their workflow as elements.csv (a copy of the course file)
        Path own = work.resolve("honest");
        Files.createDirectories(own);
        Files.copy(COURSE.resolve("elements.csv"), own.resolve("elements.csv"));
        Path honest = handIn(own, "b-honest-beside", "elements.csv", "Honest Beside", w -> w);
        handIn(own, "b-honest-absolute", COURSE.resolve("elements.csv").toString(), "Honest Absolute", w -> w);
        // a cheater who doctored the dataset and drops it into the shared hand-in folder, under the course file's name
        Path cheat = work.resolve("cheat");
        Files.createDirectories(cheat);
        String doctored = Files.readString(COURSE.resolve("elements.csv")).replaceFirst("\n(H,hydrogen,1,1,1,s,1.00794,)0.0708", "\n$10.9");
        Files.writeString(cheat.resolve("elements.csv"), doctored);
        handIn(cheat, "c-cheater", "elements.csv", "Cheater", w -> w);
        Files.writeString(inbox.resolve("elements.csv"), doctored);
        // a spreadsheet formula as author, and terminal escapes
        handIn(own, "d-formula", "elements.csv", "=HYPERLINK(\"http://evil.example\",\"Click for grade\")\u001b[2J", w -> w);
        // "path": "/" once made a NullPointerException
        forge(honest, inbox.resolve("e-root-path.json"), codec.read(honest).workflow().withNode(
                codec.read(honest).workflow().node("load").orElseThrow().withParam("path", "/")));
        // a hand-in whose run would take minutes (k-NN on 300,000 rows), sorted first so the honest ones come after it
        Path slowFile = work.resolve("slow.json");
        Files.writeString(slowFile, """
                { "format": "anneal-workflow", "version": 1, "meta": { "title": "slow", "seed": 1, "device": "cpu" },
                  "nodes": [ { "id": "gen", "type": "data.generate", "params": { "dataset": "noisy-polynomial", "rows": 300000 } },
                    { "id": "split", "type": "split.holdout", "params": { "test": 0.2 } }, { "id": "knn", "type": "model.knn", "params": { "k": 5 } },
                    { "id": "fit", "type": "train.fit" }, { "id": "score", "type": "evaluate.regression" } ],
                  "links": [ { "from": "gen:table", "to": "split:table" }, { "from": "knn:learner", "to": "fit:learner" },
                    { "from": "split:train", "to": "fit:train" }, { "from": "fit:model", "to": "score:model" }, { "from": "split:test", "to": "score:data" } ] }
                """);
        forge(honest, inbox.resolve("a-slow.json"), codec.read(slowFile).workflow());
        // a link planted where the report would go, pointing at one of the instructor's files
        Path victim = Files.writeString(work.resolve("instructor-marks.xlsx"), "precious");
        Files.createSymbolicLink(inbox.resolve("grades.csv"), victim);
        Files.createSymbolicLink(inbox.resolve("f-link.json"), victim);

        // one that needs far more memory than its process may have
        Workflow hog = codec.read(slowFile).workflow();
        hog = hog.withNode(hog.node("gen").orElseThrow().withParam("rows", 10_000_000));
        forge(honest, inbox.resolve("a-memory-hog.json"), hog);

        // metrics edited and the digest recomputed: the digest cannot tell, the re-run can
        ObjectNode edited = (ObjectNode) codec.read(honest).workflow().block("handin").orElseThrow();
        ((ObjectNode) edited.get("metrics").get("score")).put("r2", 0.99);
        Workflow plain = codec.read(honest).workflow().withBlock("handin", null);
        edited.put("digest", Handins.digest(plain, edited));
        codec.save(plain.withBlock("handin", edited), inbox.resolve("h-edited-metrics.json"));

        Path rubric = rubric(15);
        // each hand-in in a process of its own with a 384 MB heap; the report goes to a fresh folder beside the hand-ins by
        // default, never through the planted link
        Cli g = Cli.run("grade", inbox.toString(), "--rubric", rubric.toString(), "--jobs", "2", "--memory", "384");
        assertEquals(0, g.exit(), g.all());
        assertEquals("precious", Files.readString(victim));
        Path report = work.resolve("inbox-grades");
        String csv = Files.readString(report.resolve("grades.csv"));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click for grade\"\")[2J\""), csv);
        assertFalse(csv.contains("\u001b"), "no control characters reach the report");
        assertFalse(g.out().contains("\u001b"), "nor the terminal");
        assertEquals(10, csv.lines().count(), "a header and one row per hand-in:\n" + csv);
        Map<String, String[]> rows = new java.util.HashMap<>();
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\"([^\"]*)\",\"(?:[^\"]|\"\")*\",([a-z-]+),(true|false),([0-9.e+-]+),.*\"([^\"]*)\"$");
        csv.lines().skip(1).forEach(l -> {
            var m = row.matcher(l);
            assertTrue(m.matches(), l);
            rows.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4), m.group(5)});
        });
        assertEquals("timeout", rows.get("a-slow.json")[0], csv);
        for (String ok : new String[] {"b-honest-beside.json", "b-honest-absolute.json", "d-formula.json"}) {
            assertEquals("ok", rows.get(ok)[0], csv);
            assertEquals("true", rows.get(ok)[1], "reproduced: " + csv);
            assertEquals(2.0, Double.parseDouble(rows.get(ok)[2]), csv);
        }
        assertEquals("dataset-mismatch", rows.get("c-cheater.json")[0], "the cheater's numbers come from the course's file: " + csv);
        assertEquals("false", rows.get("c-cheater.json")[1], csv);
        assertEquals("invalid", rows.get("e-root-path.json")[0], csv);
        assertEquals("refused", rows.get("f-link.json")[0], csv);
        assertEquals("not-reproduced", rows.get("h-edited-metrics.json")[0], csv);
        // near its heap limit a process either fails at once or spends its time collecting garbage until the deadline
        String[] hogRow = rows.get("a-memory-hog.json");
        assertTrue(hogRow[0].equals("out-of-memory") || hogRow[0].equals("timeout")
                || hogRow[0].equals("failed") && hogRow[3].contains("ran out of memory"), "a memory hog gets a clear row: " + csv);
        assertTrue(rows.get("e-root-path.json")[3].contains(inbox.toString()) && !rows.get("e-root-path.json")[3].contains("anneal-handin-"),
                "notes name the hand-in folder, not the private copy: " + csv);
        assertTrue(g.out().contains("[9/9]"), "progress is shown: " + g.out());

        // a second run resumes: every row a child wrote comes from the first batch's result files, and the report is the same
        Cli again = Cli.run("grade", inbox.toString(), "--rubric", rubric.toString(), "--jobs", "2", "--memory", "384");
        assertEquals(0, again.exit(), again.all());
        assertEquals(8, again.out().lines().filter(l -> l.contains("(from the earlier batch)")).count(), again.out());
        assertEquals(csv, Files.readString(report.resolve("grades.csv")));

        // asked to write into the hand-in folder, it refuses the planted link before grading anything
        Cli into = Cli.run("grade", inbox.toString(), "--rubric", rubric.toString(), "-o", inbox.toString());
        assertEquals(1, into.exit(), into.all());
        assertTrue(into.err().contains("symbolic link"), into.all());
        assertEquals("precious", Files.readString(victim));
    }
}
