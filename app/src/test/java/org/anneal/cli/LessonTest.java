package org.anneal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.anneal.graph.Meta;
import org.junit.jupiter.api.Test;

/** `anneal run` prints the lesson: the title and the description's first paragraph, on one line. */
class LessonTest {

    @Test
    void theFirstParagraphOnOneLine() {
        assertEquals("Always keep a baseline: a model must beat the mean.", Lesson.firstParagraph(
                "Always keep a baseline:\n  a model must beat the mean.\n\nSecond paragraph with details."));
        assertEquals("", Lesson.firstParagraph(null));
    }

    @Test
    void nothingForAWorkflowWithoutTitleOrDescription() {
        StringWriter s = new StringWriter();
        Lesson.print(new Meta("", "", 42, "auto"), new PrintWriter(s, true));
        assertEquals("", s.toString());
        Lesson.print(new Meta("Untitled workflow", "", 42, "auto"), new PrintWriter(s, true));
        assertEquals("", s.toString(), "a title without a description is no lesson");
        Lesson.print(new Meta("Baselines", "Always keep a baseline.", 42, "auto"), new PrintWriter(s, true));
        assertEquals("Lesson: Baselines — Always keep a baseline." + System.lineSeparator(), s.toString());
    }
}
