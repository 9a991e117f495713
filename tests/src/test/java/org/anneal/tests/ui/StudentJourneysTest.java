package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.anneal.editor.EditorApp;
import org.anneal.editor.PlotChart;
import org.anneal.graph.Json;
import org.anneal.graph.Link;
import org.anneal.graph.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Journeys as a student makes them, through the real window: a puzzle fixed by hand, saved in the student's own folder
 * and checked — solved, in the window and by {@code anneal puzzle verify}; the next workflow opened with nothing of the
 * puzzle left in the problems list, the lesson or the check; and a chart detached into its own window during
 * presentation mode, still there and resizable after the workbench comes back.
 */
class StudentJourneysTest extends EditorTestBase {
    static final String PUZZLE = "workflows/puzzles/02-test-on-train.json";

    @TempDir
    Path tmp;

    @Test
    void aPuzzleFixedByHandSavedInMyFolderAndCheckedIsSolvedAndTheNextWorkflowStartsClean() throws Exception {
        EditorApp editor = start(PUZZLE);
        ListView<Problem> problems = lookup("#problemsList").query();
        assertTrue(problems.getItems().stream().anyMatch(p -> p.message().startsWith("[L1]")), "the flaw is reported: " + problems.getItems());

        drag("#out-split-test").dropTo("#in-score-data");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.viewModel().current().links().contains(Link.of("split:test", "score:data")), "the fix, by hand");

        Path mine = tmp.resolve("student/week3/my-fix.json");
        Files.createDirectories(mine.getParent());
        System.setProperty("anneal.dialog.answer", mine.toString());
        try {
            clickOn("#saveAsButton");
        } finally {
            System.clearProperty("anneal.dialog.answer");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(mine), "saved in the student's own folder");
        String savedPath = Json.MAPPER.readTree(mine.toFile()).at("/nodes/0/params/path").asText();
        String originalPath = Json.MAPPER.readTree(Path.of(PUZZLE).toFile()).at("/nodes/0/params/path").asText();
        assertNotEquals(originalPath, savedPath, "the dataset path is rebased so the copy still runs");

        clickOn("#checkFixButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lookup("#verdict").queryAs(TextArea.class).getText().startsWith("Checking"));
        String verdict = lookup("#verdict").queryAs(TextArea.class).getText();
        assertTrue(verdict.startsWith("Solved!"), "a locked dataset compared by the file it reads, not the path text: " + verdict);
        StringWriter out = new StringWriter();
        int code = org.anneal.cli.Anneal.execute(new String[] {"puzzle", "verify", mine.toString(), "--puzzle", PUZZLE}, new PrintWriter(out, true),
                new PrintWriter(out, true));
        assertEquals(0, code, "and the command line agrees: " + out);

        // the next workflow: nothing of the puzzle stays on screen
        WaitForAsyncUtils.asyncFx(() -> editor.viewModel().open(Path.of("workflows/04-classification-two-moons.json"))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(problems.getItems().stream().noneMatch(p -> p.message().startsWith("[L")), "no finding of the puzzle: " + problems.getItems());
        assertFalse(lookup("#puzzlePane").query().isVisible(), "no puzzle check for an example");
        assertFalse(lookup("#lessonStory").query().isVisible() || lookup("#nextHintButton").query().isVisible(), "no story or hints");
        assertTrue(PuzzleModeTest.texts(lookup("#lessonGoals").query()).contains("Read a confusion matrix"), "the new lesson's goals");
        assertTrue(editor.selectedNodes().isEmpty());
    }

    @Test
    void aChartDetachedDuringPresentationModeStaysReadableAndResizable() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        runAndShowParity(editor);
        clickOn("#canvas");
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.presenting());
        clickOn("#detachChartButton");
        WaitForAsyncUtils.waitForFxEvents();
        Stage own = (Stage) Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#detachedChart") != null)
                .findFirst().orElseThrow(() -> new AssertionError("no chart window"));
        PlotChart copy = (PlotChart) own.getScene().lookup("#detachedChart");
        assertTrue(own.isResizable());
        WaitForAsyncUtils.asyncFx(() -> {
            own.setWidth(900);
            own.setHeight(700);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> copy.getWidth() > 800 && copy.getHeight() > 550);
        assertTrue(copy.xScale() != null && Math.abs(copy.xScale().pixelEnd() - copy.xScale().pixelStart()) > 400,
                "the plot grows with its window: " + copy.getWidth() + " x " + copy.getHeight());

        WaitForAsyncUtils.asyncFx(() -> editor.window().requestFocus()).get(5, TimeUnit.SECONDS);
        clickOn("#canvas");
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(editor.presenting(), "back to the workbench");
        assertTrue(own.isShowing(), "the detached chart stays for the discussion");
        WaitForAsyncUtils.asyncFx(own::close).get(5, TimeUnit.SECONDS);
    }
}
