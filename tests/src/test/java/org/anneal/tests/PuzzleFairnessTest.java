package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowEdits;
import org.anneal.puzzle.PuzzleVerifier;
import org.anneal.puzzle.QuickFixPolicy;
import org.anneal.puzzle.Verdict;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Puzzles judge what a student did, not where they saved it: locked parts are compared by meaning (a dataset by
 * the file it resolves to, or its SHA-256), and a one-click quick fix does not solve a puzzle unless its author
 * allows quick fixes (then the verdict says so). Before: a correct fix saved in the student's own folder was told
 * "Locked node 'load' was changed", and `anneal check --fix` wrote a file that `puzzle verify` accepted.
 */
class PuzzleFairnessTest {
    static final Path PUZZLE = Path.of("workflows/puzzles/01-scaler-before-split.json");
    static final Path SOLUTION = Path.of("workflows/puzzles/01-scaler-before-split.solution.json");
    final WorkflowCodec codec = new WorkflowCodec();
    final PuzzleVerifier verifier = new PuzzleVerifier(NodeRegistry.standard());

    /** What the editor's "Save as" writes: the same workflow, relative paths rewritten for the new folder. */
    private Path saveAs(LoadedWorkflow lw, Path target) throws Exception {
        Files.createDirectories(target.getParent());
        Workflow moved = new WorkflowEdits(NodeRegistry.standard()).relocate(lw.workflow(), lw.baseDir().toAbsolutePath().normalize(),
                target.toAbsolutePath().normalize().getParent());
        codec.save(moved, target);
        return target;
    }

    @Test
    void aCorrectFixSavedInTheStudentsOwnFolderIsSolved(@TempDir Path home) throws Exception {
        Path mine = saveAs(codec.read(SOLUTION), home.resolve("students/ada/my-fix.json"));
        assertFalse(Files.readString(mine).contains("\"../../datasets/elements.csv\""), "Save as rewrote the dataset path");
        Verdict v = verifier.verify(codec.read(PUZZLE), codec.read(mine));
        assertTrue(v.solved(), v.describe());
        assertTrue(v.describe().contains("Locked node 'load' is unchanged."), v.describe());
        Cli cli = Cli.run("puzzle", "verify", mine.toString(), "--puzzle", PUZZLE.toString());
        assertEquals(0, cli.exit(), cli.all());
    }

    @Test
    void aCopyOfTheDatasetWithTheSameBytesIsTheSameDataset(@TempDir Path home) throws Exception {
        LoadedWorkflow solution = codec.read(SOLUTION);
        Files.copy(Path.of("datasets/elements.csv"), home.resolve("elements.csv"));
        Workflow local = new WorkflowEdits(NodeRegistry.standard()).setParam(solution.workflow(), "load", "path",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("elements.csv"));
        codec.save(local, home.resolve("fix.json"));
        Verdict v = verifier.verify(codec.read(PUZZLE), codec.read(home.resolve("fix.json")));
        assertTrue(v.solved(), v.describe());
    }

    @Test
    void anotherDatasetIsStillAChangeAndTheVerdictNamesIt(@TempDir Path home) throws Exception {
        LoadedWorkflow solution = codec.read(SOLUTION);
        List<String> lines = Files.readAllLines(Path.of("datasets/elements.csv"));
        Files.write(home.resolve("elements.csv"), lines.subList(0, lines.size() - 1)); // one row fewer: other data
        Workflow local = new WorkflowEdits(NodeRegistry.standard()).setParam(solution.workflow(), "load", "path",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("elements.csv"));
        codec.save(local, home.resolve("fix.json"));
        Verdict v = verifier.verify(codec.read(PUZZLE), codec.read(home.resolve("fix.json")));
        assertFalse(v.solved());
        assertTrue(v.describe().contains("Locked node 'load' was changed ('path' reads elements.csv, not the puzzle's ../../datasets/elements.csv)"),
                v.describe());
    }

    @Test
    void checkFixRefusesAPuzzleAndWritesNothing(@TempDir Path home) throws Exception {
        Path out = home.resolve("fixed.json");
        Cli cli = Cli.run("check", PUZZLE.toString(), "--fix", "-o", out.toString());
        assertEquals(2, cli.exit(), cli.all());
        assertTrue(cli.err().contains("quick fixes are off"), cli.err());
        assertFalse(Files.exists(out), "no file a student could hand in as their fix");
    }

    @Test
    void whenTheAuthorAllowsQuickFixesTheVerdictSaysAFixCameFromOne(@TempDir Path home) throws Exception {
        LoadedWorkflow puzzle = codec.read(PUZZLE);
        ObjectNode block = (ObjectNode) puzzle.workflow().block("puzzle").orElseThrow();
        block.put("quickFixes", true);
        Path allowing = saveAs(new LoadedWorkflow(puzzle.workflow().withBlock("puzzle", block), puzzle.file(), puzzle.locations(), List.of()),
                home.resolve("course/puzzle.json"));
        Path out = home.resolve("ada/fixed.json");
        Cli cli = Cli.run("check", allowing.toString(), "--fix", "-o", out.toString());
        assertEquals(0, cli.exit(), cli.all());
        assertTrue(cli.out().contains("fixed: "), cli.out());
        LoadedWorkflow fixed = codec.read(out);
        assertFalse(QuickFixPolicy.used(fixed.workflow()).isEmpty(), "the fix is recorded in the file");
        Verdict v = verifier.verify(codec.read(allowing), fixed);
        assertTrue(v.solved(), "written into another folder, the paths were rebased and still read the dataset:\n" + v.describe());
        assertTrue(v.describe().contains("Quick fixes were used: "), v.describe());
    }

    @Test
    void checkFixIntoAnotherFolderRebasesPathsAsSaveAsDoes(@TempDir Path home) throws Exception {
        Path out = home.resolve("elsewhere/fixed.json");
        Cli cli = Cli.run("check", "workflows/01-linear-regression.json", "--fix", "-o", out.toString());
        assertEquals(0, cli.exit(), cli.all());
        Cli run = Cli.run("validate", out.toString());
        assertEquals(0, run.exit(), "the saved copy still finds its dataset: " + run.all());
    }
}
