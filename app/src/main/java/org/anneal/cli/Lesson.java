package org.anneal.cli;

import java.io.PrintWriter;
import org.anneal.graph.Meta;

/** The lesson of a workflow on the command line: its title and the first paragraph of its description. */
final class Lesson {
    private Lesson() {
    }

    /** The first paragraph of the (Markdown) description as plain text, formulas in Unicode; empty when there is none. */
    static String firstParagraph(String description) {
        return org.anneal.lesson.LessonText.firstParagraph(description);
    }

    /** "Lesson: title — first paragraph", or nothing for a workflow that has neither. */
    static void print(Meta meta, PrintWriter out) {
        String text = firstParagraph(meta.description());
        if (text.isEmpty()) {
            return; // a title alone (or the default "Untitled workflow") teaches nothing: say nothing
        }
        out.println("Lesson: " + meta.title() + (text.isEmpty() ? "" : (meta.title().isBlank() ? "" : " — ") + text));
    }
}
