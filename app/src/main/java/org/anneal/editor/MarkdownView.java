package org.anneal.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.anneal.lesson.LessonText;
import org.anneal.lesson.MathSpans;
import org.anneal.lesson.TexParser;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

/**
 * A lesson's Markdown drawn with JavaFX nodes: headings, paragraphs with emphasis and code, lists, quotes, code blocks,
 * formulas ({@link FormulaNodes}) and images from files beside the workflow. No browser engine: the lesson pane stays
 * light, and raw HTML is shown as the text it is. Font sizes are in ems, so presentation mode enlarges the lesson too.
 */
final class MarkdownView extends VBox {
    private final Path baseDir;
    private MathSpans.Protected math;

    /** @param baseDir where image paths are resolved from (the workflow's folder) */
    MarkdownView(String markdown, Path baseDir) {
        super(6);
        this.baseDir = baseDir;
        getStyleClass().add("lesson-markdown");
        LessonText.Parsed parsed = LessonText.parse(markdown);
        math = parsed.math();
        blocks(parsed.document(), this);
    }

    private void blocks(org.commonmark.node.Node parent, VBox into) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) {
                into.getChildren().add(block);
            }
        }
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) {
            TextFlow flow = paragraph(h);
            flow.setStyle("-fx-font-size: " + (h.getLevel() == 1 ? "1.3" : h.getLevel() == 2 ? "1.15" : "1.05") + "em;");
            flow.getChildren().forEach(t -> t.setStyle((t.getStyle() == null ? "" : t.getStyle()) + " -fx-font-weight: bold;"));
            flow.getStyleClass().add("lesson-heading");
            return flow;
        }
        if (n instanceof Paragraph p) {
            return paragraphWithDisplays(p);
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox(3);
            int number = n instanceof OrderedList o ? o.getMarkerStartNumber() : 0;
            for (org.commonmark.node.Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    Label marker = new Label(n instanceof OrderedList ? (number++) + "." : "•");
                    marker.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    VBox body = new VBox(3);
                    blocks(item, body);
                    HBox.setHgrow(body, Priority.ALWAYS);
                    HBox row = new HBox(6, marker, body);
                    list.getChildren().add(row);
                }
            }
            list.setPadding(new Insets(0, 0, 0, 6));
            return list;
        }
        if (n instanceof BlockQuote) {
            VBox quote = new VBox(4);
            blocks(n, quote);
            quote.setStyle("-fx-border-color: transparent transparent transparent #8aa4c8; -fx-border-width: 0 0 0 3; -fx-padding: 0 0 0 8;");
            return quote;
        }
        if (n instanceof FencedCodeBlock c) {
            return codeBlock(c.getLiteral());
        }
        if (n instanceof IndentedCodeBlock c) {
            return codeBlock(c.getLiteral());
        }
        if (n instanceof HtmlBlock h) {
            return new TextFlow(plainText(h.getLiteral())); // shown, never interpreted
        }
        if (n instanceof ThematicBreak) {
            return new Separator();
        }
        return null;
    }

    /** A paragraph; a $$display$$ formula in it breaks it into text, the centred formula, text. */
    private Node paragraphWithDisplays(Paragraph p) {
        TextFlow flow = paragraph(p);
        if (flow.getChildren().stream().noneMatch(c -> c.getStyleClass().contains("lesson-display-formula"))) {
            return flow;
        }
        VBox parts = new VBox(4);
        TextFlow current = new TextFlow();
        for (Node c : new ArrayList<>(flow.getChildren())) {
            if (c.getStyleClass().contains("lesson-display-formula")) {
                if (!current.getChildren().isEmpty()) {
                    parts.getChildren().add(current);
                }
                parts.getChildren().add(c);
                current = new TextFlow();
            } else {
                current.getChildren().add(c);
            }
        }
        if (!current.getChildren().isEmpty()) {
            parts.getChildren().add(current);
        }
        return parts;
    }

    private TextFlow paragraph(org.commonmark.node.Node block) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("lesson-paragraph");
        inlines(block, flow.getChildren(), "");
        return flow;
    }

    /** The inline children of a node, each Text styled with what encloses it (italic inside *..*, bold inside **..**). */
    private void inlines(org.commonmark.node.Node parent, List<Node> out, String style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                for (Object piece : math.pieces(t.getLiteral())) {
                    if (piece instanceof String s) {
                        out.add(styled(s, style));
                    } else if (piece instanceof MathSpans.Span span) {
                        out.addAll(span.display() ? List.of(FormulaNodes.display(TexParser.parse(span.tex())))
                                : FormulaNodes.inline(TexParser.parse(span.tex())));
                    }
                }
            } else if (n instanceof Emphasis) {
                inlines(n, out, style + " -fx-font-style: italic;");
            } else if (n instanceof StrongEmphasis) {
                inlines(n, out, style + " -fx-font-weight: bold;");
            } else if (n instanceof Code c) {
                Text code = styled(c.getLiteral(), style + " -fx-font-family: monospace;");
                code.getStyleClass().add("lesson-code");
                out.add(code);
            } else if (n instanceof Link l) {
                int from = out.size();
                inlines(n, out, style + " -fx-underline: true; -fx-fill: #1f5fbf;");
                // no navigation from a lesson (it may come from anyone): the address is in the tooltip
                out.subList(from, out.size()).forEach(t -> Tooltip.install(t, new Tooltip(l.getDestination())));
            } else if (n instanceof org.commonmark.node.Image img) {
                out.add(image(img));
            } else if (n instanceof SoftLineBreak) {
                out.add(styled(" ", style));
            } else if (n instanceof HardLineBreak) {
                out.add(styled("\n", style));
            } else if (n instanceof HtmlInline h) {
                out.add(styled(h.getLiteral(), style));
            } else {
                inlines(n, out, style);
            }
        }
    }

    /**
     * An image from a file beside the workflow (or below it), scaled down to the pane's width; the alt text in its
     * place when the file is missing or the address is a web address (a lesson never reaches the network).
     */
    private Node image(org.commonmark.node.Image img) {
        String alt = LessonText.plain(img, math);
        String dest = img.getDestination();
        Path file = dest == null || dest.isBlank() || dest.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || baseDir == null ? null
                : baseDir.resolve(dest).normalize();
        if (file == null || !Files.isRegularFile(file)) {
            Text missing = styled("[" + (alt.isBlank() ? "image" : alt) + (file == null ? "" : ": " + dest + " not found") + "]", " -fx-font-style: italic;");
            missing.getStyleClass().add("lesson-image-missing");
            return missing;
        }
        ImageView view = new ImageView(new Image(file.toUri().toString(), true));
        view.setPreserveRatio(true);
        view.setId("lessonImage");
        view.getStyleClass().add("lesson-image");
        // never wider than the pane (less its padding), never enlarged past the picture's own size
        view.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(40, Math.min(view.getImage().getWidth() > 0 ? view.getImage().getWidth() : 1e9, getWidth() - 12)),
                widthProperty(), view.getImage().widthProperty()));
        if (!alt.isBlank()) {
            Tooltip.install(view, new Tooltip(alt));
        }
        return view;
    }

    private static Text styled(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("lesson-text");
        if (!style.isBlank()) {
            t.setStyle(style.strip());
        }
        return t;
    }

    private static Text plainText(String s) {
        return styled(s, "");
    }

    private static Node codeBlock(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.setStyle("-fx-font-family: monospace; -fx-background-color: rgba(128,128,128,0.15); -fx-padding: 4 6 4 6;");
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }
}
