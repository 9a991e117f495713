package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anneal.graph.Meta;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lesson.LessonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled workflow names its course unit, so the examples menu lists it by unit and title (not file name), and
 * every example's lesson has a first paragraph that {@code anneal run} prints and learning goals for the lesson pane.
 */
class ExamplesHaveUnitsTest {
    static Stream<Path> files() throws Exception {
        List<Path> all = new java.util.ArrayList<>();
        for (String folder : List.of("workflows", "workflows/puzzles", "workflows/suspicious")) {
            try (Stream<Path> s = Files.list(Path.of(folder))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void aUnitAndALesson(Path file) throws Exception {
        Meta m = new WorkflowCodec().read(file).workflow().meta();
        assertFalse(m.unit().isBlank(), file + ": add \"unit\": \"N · Name\" to its meta (see the units of workflows/*.json)");
        assertTrue(m.unit().matches("^\\d+ · .+"), file + ": a unit reads \"N · Name\", not '" + m.unit() + "'");
        if (file.getParent().equals(Path.of("workflows"))) {
            assertFalse(LessonText.firstParagraph(m.description()).isBlank(), file + ": the description is the lesson");
            assertFalse(m.goals().isEmpty(), file + ": add \"goals\" (what a student learns) to its meta");
        }
    }

    /** The description is Markdown with formulas; the command line prints its first paragraph as plain Unicode text. */
    @Test
    void runPrintsTheFirstParagraphWithFormulasInUnicode(@TempDir Path tmp) {
        Cli r = Cli.run("run", "workflows/16-runge-degree-sweep.json", "--out", tmp.resolve("r.json").toString());
        String lesson = r.out().lines().filter(l -> l.startsWith("Lesson: ")).findFirst().orElseThrow(() -> new AssertionError(r.all()));
        assertTrue(lesson.contains("Runge's function y = 1/(1 + 25x²): 30 noisy points") && lesson.contains("its test R² is near zero."), lesson);
        assertFalse(lesson.contains("$") || lesson.contains("\\frac") || lesson.contains("*Runge"), "no TeX or Markdown marks: " + lesson);
        assertFalse(lesson.contains("validation curve"), "the first paragraph only: " + lesson);
    }
}
