package org.anneal.lesson;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A lesson's Markdown ({@code meta.description}, a puzzle's story) as the command line prints it: plain text, formulas
 * in Unicode ({@code $R^2$} reads R²), no Markdown marks left over.
 */
public final class LessonText {
    /** Raw HTML in a lesson is shown as text, never interpreted (a lesson may come from anyone). */
    static final Parser PARSER = Parser.builder().build();

    private LessonText() {
    }

    /** The parsed Markdown with its formulas set aside. */
    public record Parsed(Node document, MathSpans.Protected math) {
    }

    public static Parsed parse(String markdown) {
        MathSpans.Protected p = MathSpans.protect(markdown);
        return new Parsed(PARSER.parse(p.markdown()), p);
    }

    /** The first paragraph of the description, on one line; empty when there is none. */
    public static String firstParagraph(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return ""; // most workflows have no description: `anneal run` need not load the Markdown parser for nothing
        }
        Parsed parsed = parse(markdown);
        for (Node n = parsed.document().getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph) {
                return plain(n, parsed.math());
            }
        }
        return "";
    }

    /** The text of a block: emphasis and links dropped to their words, code and formulas kept. */
    public static String plain(Node block, MathSpans.Protected math) {
        StringBuilder sb = new StringBuilder();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(math.plain(text.getLiteral()));
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak b) {
                sb.append(' ');
            }

            @Override
            public void visit(Image image) {
                visitChildren(image); // its alt text
            }
        });
        return sb.toString().replaceAll("\\s+", " ").strip();
    }
}
