package org.anneal.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.anneal.lesson.Formula;

/**
 * A formula drawn with JavaFX text: superscripts raised and smaller, subscripts lowered, variables in italics, and in a
 * display formula fractions stacked over a rule. Sizes are relative (em) so presentation mode enlarges them with the
 * rest of the lesson.
 */
final class FormulaNodes {
    private static final double SCRIPT = 0.72;

    private FormulaNodes() {
    }

    /** The nodes of a formula, to place in a TextFlow beside running text. */
    static List<Node> inline(Formula f) {
        List<Node> out = new ArrayList<>();
        add(f, 1, 0, false, out);
        return out;
    }

    /** A formula on a line of its own, centred, with stacked fractions. */
    static Node display(Formula f) {
        List<Node> nodes = new ArrayList<>();
        add(f, 1, 0, true, nodes);
        TextFlow flow = new TextFlow(nodes.toArray(Node[]::new));
        flow.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        flow.getStyleClass().add("lesson-display-formula");
        return flow;
    }

    /**
     * @param scale relative size (1 in the text, 0.72 in a script, 0.72² in a script's script)
     * @param shift how far up (in ems of the text) the baseline moves: + for a superscript, − for a subscript
     */
    private static void add(Formula f, double scale, double shift, boolean display, List<Node> out) {
        if (f instanceof Formula.Sym s) {
            String t = scale < 1 ? s.text().strip() : s.text(); // scripts are set tight: k=0, not k = 0
            if (!t.isEmpty()) {
                out.add(text(t, s.italic(), scale, shift));
            }
        } else if (f instanceof Formula.Row r) {
            r.items().forEach(i -> add(i, scale, shift, display, out));
        } else if (f instanceof Formula.Scripted sc) {
            add(sc.base(), scale, shift, display, out);
            if (sc.sub() != null) {
                add(sc.sub(), scale * SCRIPT, shift - 0.25 * scale, display, out);
            }
            if (sc.sup() != null) {
                add(sc.sup(), scale * SCRIPT, shift + 0.4 * scale, display, out);
            }
        } else if (f instanceof Formula.Frac fr) {
            if (display && shift == 0) {
                out.add(stacked(fr, scale));
            } else {
                group(fr.num(), scale, shift, display, out);
                out.add(text("/", false, scale, shift));
                group(fr.den(), scale, shift, display, out);
            }
        } else if (f instanceof Formula.Sqrt sq) {
            out.add(text("√", false, scale, shift));
            group(sq.radicand(), scale, shift, display, out);
        }
    }

    /** (a + b) when the part is compound, as in the plain text. */
    private static void group(Formula part, double scale, double shift, boolean display, List<Node> out) {
        boolean bare = Formula.grouped(part.plain()).equals(part.plain());
        if (!bare) {
            out.add(text("(", false, scale, shift));
        }
        add(part, scale, shift, display, out);
        if (!bare) {
            out.add(text(")", false, scale, shift));
        }
    }

    /** Numerator over a rule over denominator, its middle on the text's maths axis. */
    private static Node stacked(Formula.Frac fr, double scale) {
        TextFlow num = new TextFlow(inlineOf(fr.num(), scale));
        TextFlow den = new TextFlow(inlineOf(fr.den(), scale));
        num.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        den.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Region rule = new Region();
        rule.setStyle("-fx-background-color: -fx-text-base-color, black; -fx-min-height: 1; -fx-pref-height: 1; -fx-max-height: 1;");
        rule.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(1, num, rule, den);
        box.setAlignment(Pos.CENTER);
        box.setFillWidth(true);
        box.getStyleClass().add("lesson-fraction");
        // sit the rule on the line's middle: the box's baseline is the numerator's bottom plus a little
        box.translateYProperty().bind(Bindings.createDoubleBinding(() -> den.getHeight() / 2, den.heightProperty()));
        return box;
    }

    private static Node[] inlineOf(Formula f, double scale) {
        List<Node> nodes = new ArrayList<>();
        add(f, scale, 0, true, nodes);
        return nodes.toArray(Node[]::new);
    }

    private static Text text(String s, boolean italic, double scale, double shift) {
        Text t = new Text(s);
        t.getStyleClass().add("lesson-math");
        t.setStyle("-fx-font-size: " + String.format(java.util.Locale.ROOT, "%.3f", scale) + "em;" + (italic ? " -fx-font-style: italic;" : ""));
        if (shift != 0) {
            // raise or lower by a share of the *text's* size, whatever size CSS gives it (presentation mode)
            double emsOfText = shift / scale;
            t.translateYProperty().bind(Bindings.createDoubleBinding(() -> -emsOfText * t.getFont().getSize(), t.fontProperty()));
        }
        return t;
    }
}
