package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.lineage.LeakageAnalyzer;
import org.anneal.puzzle.Puzzle;
import org.anneal.puzzle.PuzzleVerifier;
import org.anneal.puzzle.Verdict;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every puzzle raises the rules it is about; its reference solution verifies; the untouched puzzle does not. */
class PuzzlesTest {
    static final Path DIR = Path.of("workflows/puzzles");
    final WorkflowCodec codec = new WorkflowCodec();
    final PuzzleVerifier verifier = new PuzzleVerifier(NodeRegistry.standard());

    static Stream<Path> puzzles() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> ps = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".solution.json")).sorted().toList();
            assertTrue(ps.size() >= 5);
            return ps.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("puzzles")
    void theFlawIsFoundAndTheReferenceSolutionSolvesIt(Path file) throws Exception {
        LoadedWorkflow puzzle = codec.read(file);
        Puzzle p = Puzzle.of(puzzle.workflow());
        assertFalse(p.story().isBlank() || p.hints().isEmpty(), "a story and hints");
        var v = new Validator(NodeRegistry.standard()).validate(puzzle, FileAccess.unrestricted(puzzle.baseDir()));
        assertEquals(List.of(), v.problems(), "the puzzle itself runs");
        List<String> rules = new java.util.ArrayList<>(new LeakageAnalyzer().analyze(v).stream().map(Finding::rule).toList());
        if (p.clear().stream().anyMatch(r -> r.startsWith("D"))) { // run-time rules show only on the data
            var run = GoldenWorkflowsTest.run(puzzle, v);
            assertTrue(run.succeeded(), run.problems().toString());
            new DynamicChecks(DynamicChecks.Thresholds.DEFAULT).analyze(v, run).forEach(f -> rules.add(f.rule()));
        }
        assertTrue(rules.containsAll(p.clear()), file + " raises " + p.clear() + ", found " + rules);

        Verdict untouched = verifier.verify(puzzle, puzzle);
        assertFalse(untouched.solved(), untouched.describe());

        Path solution = Path.of(file.toString().replace(".json", ".solution.json"));
        Verdict solved = verifier.verify(puzzle, codec.read(solution));
        assertTrue(solved.solved(), solved.describe());
    }

    /** The quick fixes of the leakage analysis solve every static puzzle (for authors who allow them; off by default). */
    @ParameterizedTest
    @MethodSource("puzzles")
    void quickFixesSolveThePuzzle(Path file) throws Exception {
        LoadedWorkflow puzzle = codec.read(file);
        // quick fixes are graph edits for the static rules; a puzzle about the data itself needs a student
        Assumptions.assumeTrue(Puzzle.of(puzzle.workflow()).clear().stream().anyMatch(r -> r.startsWith("L")), "run-time rules only");
        assertFalse(org.anneal.puzzle.QuickFixPolicy.allowed(puzzle.workflow()), "shipped puzzles keep quick fixes off (the engine's fixes still work)");
        var fixed = org.anneal.session.Fixer.fixAll(puzzle, NodeRegistry.standard());
        assertFalse(fixed.applied().isEmpty());
        assertEquals(List.of(), fixed.remaining(), fixed.applied().toString());
        Verdict v = verifier.verify(puzzle, fixed.workflow());
        assertTrue(v.solved(), fixed.applied() + "\n" + v.describe());
    }

    /** Issue 14: verify reads only the puzzle's datasets and the student's folder, never another file of the machine. */
    @Test
    void aStudentFileCannotReadFilesOutsideThePuzzlesDatasets(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        LoadedWorkflow puzzle = codec.read(DIR.resolve("01-scaler-before-split.json"));
        Path secret = Files.createDirectories(tmp.resolve("private")).resolve("marks.csv");
        Files.writeString(secret, "student,mark\n1,3.5\n2,4.0\n");
        Path mine = Files.createDirectories(tmp.resolve("student")).resolve("fix.json");
        String datasets = Path.of("datasets").toAbsolutePath().normalize().toString().replace('\\', '/') + "/";
        String text = Files.readString(DIR.resolve("01-scaler-before-split.solution.json")).replace("../../datasets/", datasets);
        Files.writeString(mine, text);
        Verdict copied = verifier.verify(puzzle, codec.read(mine));
        assertTrue(copied.solved(), "the solution saved into the student's own folder still solves it: " + copied.describe());

        Files.writeString(mine, text.replaceFirst("\"nodes\"\\s*:\\s*\\[", "\"nodes\": [ { \"id\": \"peek\", \"type\": \"data.csv\", "
                + "\"params\": { \"path\": \"" + secret.toAbsolutePath().toString().replace('\\', '/') + "\" } },"));
        Verdict peeking = verifier.verify(puzzle, codec.read(mine));
        assertFalse(peeking.solved());
        assertTrue(peeking.describe().contains("outside the folders"), peeking.describe());
    }

    @Test
    void changingALockedNodeIsCaughtAndExplained() throws Exception {
        LoadedWorkflow puzzle = codec.read(DIR.resolve("04-heats-split-at-random.json"));
        LoadedWorkflow solution = codec.read(DIR.resolve("04-heats-split-at-random.solution.json"));
        NodeInstance ridge = solution.workflow().node("ridge").orElseThrow();
        var tampered = new LoadedWorkflow(solution.workflow().withNode(ridge.withParam("lambda", 50.0)), solution.file(), solution.locations(), List.of());
        Verdict v = verifier.verify(puzzle, tampered);
        assertFalse(v.solved());
        assertTrue(v.describe().contains("Locked node 'ridge' was changed"), v.describe());
    }

    @Test
    void theCommandLineGivesTheVerdictAndExitCode() {
        Cli ok = Cli.run("puzzle", "verify", "workflows/puzzles/01-scaler-before-split.solution.json", "--puzzle", "workflows/puzzles/01-scaler-before-split.json");
        assertEquals(0, ok.exit(), ok.all());
        assertTrue(ok.out().startsWith("Solved!"));
        Cli no = Cli.run("puzzle", "verify", "workflows/puzzles/01-scaler-before-split.json", "--puzzle", "workflows/puzzles/01-scaler-before-split.json");
        assertEquals(1, no.exit());
        assertTrue(no.out().contains("[todo] The flaw is still there: Preprocessing fitted before the split."), no.out());
        Cli show = Cli.run("puzzle", "show", "workflows/puzzles/02-test-on-train.json");
        assertTrue(show.out().contains("Hint 1:"), show.out());
    }
}
