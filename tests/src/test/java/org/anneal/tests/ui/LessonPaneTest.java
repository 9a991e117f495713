package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.anneal.graph.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson pane draws the description as Markdown: headings, lists, emphasis, code, an image beside the workflow,
 * formulas with raised superscripts and a stacked fraction; the unit and the learning goals above and below. Before,
 * the description was one plain label ("# Runge" and "$R^2$" as typed) and examples were listed by file number.
 */
class LessonPaneTest extends EditorTestBase {
    @TempDir
    Path tmp;

    static final String LESSON = String.join("\n",
            "# Runge's function",
            "",
            "Fit $y = \\frac{1}{1 + 25x^2}$ with **splines**; the score is $R^2$ in *held-out* rows of `split:test`.",
            "",
            "$$\\hat{y} = \\frac{\\sum_i w_i x_i}{n}$$",
            "",
            "- first point",
            "- second point",
            "",
            "![the parity plot](plots/parity.png)",
            "",
            "![a missing one](nowhere.png) and ![from the web](https://example.org/x.png)");

    @Test
    void theDescriptionIsDrawnAsMarkdownWithFormulasAndAnImageBesideTheWorkflow() throws Exception {
        Files.createDirectories(tmp.resolve("plots"));
        javax.imageio.ImageIO.write(new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB), "png", tmp.resolve("plots/parity.png").toFile());
        ObjectNode w = (ObjectNode) Json.MAPPER.readTree(Path.of("workflows/01-linear-regression.json").toFile());
        ((ObjectNode) w.get("meta")).put("description", LESSON);
        Path file = tmp.resolve("lesson.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(w));

        start(file.toString());
        WaitForAsyncUtils.waitForFxEvents();
        Node lesson = lookup("#lessonText").query();
        List<Text> texts = all(lesson, Text.class);
        Text heading = texts.stream().filter(t -> t.getText().equals("Runge's function")).findFirst().orElseThrow(() -> new AssertionError(words(lesson)));
        assertTrue(heading.getFont().getSize() > 13 * 1.2, "a heading is larger: " + heading.getFont());
        assertTrue(heading.getFont().getStyle().toLowerCase().contains("bold"), heading.getFont().getStyle());
        assertFalse(words(lesson).contains("#") || words(lesson).contains("**") || words(lesson).contains("$"), "no Markdown marks left: " + words(lesson));
        assertTrue(texts.stream().anyMatch(t -> t.getText().equals("held-out") && t.getFont().getStyle().toLowerCase().contains("italic")));
        assertTrue(texts.stream().anyMatch(t -> t.getText().equals("split:test") && t.getFont().getFamily().toLowerCase().contains("mono")),
                "code in a monospace font");
        // R^2: the 2 raised and smaller than the R
        Text r = texts.stream().filter(t -> t.getText().equals("R")).findFirst().orElseThrow();
        Text two = texts.get(texts.indexOf(r) + 1);
        assertEquals("2", two.getText());
        assertTrue(two.getTranslateY() < -2 && two.getFont().getSize() < r.getFont().getSize(), "a superscript: " + two.getTranslateY());
        assertTrue(words(lesson).contains("1/(1 + 25x2)"), "an inline fraction reads a/(b): " + words(lesson));
        assertEquals(1, all(lesson, VBox.class).stream().filter(v -> v.getStyleClass().contains("lesson-fraction")).count(),
                "the display formula's fraction is stacked");
        assertTrue(words(lesson).contains("• first point• second point"), "a list with its bullets: " + words(lesson));
        ImageView image = lookup("#lessonImage").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> image.getImage().getProgress() >= 1);
        assertEquals(600, image.getImage().getWidth(), 0.1, "the file beside the workflow");
        assertTrue(image.getFitWidth() <= lesson.getLayoutBounds().getWidth(), "scaled to the pane");
        assertTrue(words(lesson).contains("[a missing one: nowhere.png not found]"), words(lesson));
        assertTrue(words(lesson).contains("[from the web]"), "a lesson never reaches the network: " + words(lesson));

        assertEquals("Unit 1 · Regression as loss minimisation", lookup("#lessonUnit").queryAs(Label.class).getText());
        assertTrue(words(lookup("#lessonGoals").query()).contains("Read R² and a parity plot of the test predictions"));
        assertFalse(lookup("#nextHintButton").query().isVisible(), "no hints outside a puzzle");
    }

    @Test
    void examplesAreListedByUnitAndTitle() throws Exception {
        start("workflows/01-linear-regression.json");
        MenuButton examples = lookup("#examplesMenu").query();
        List<String> labels = examples.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
        int unit1 = labels.indexOf("Unit 1 · Regression as loss minimisation");
        int unit2 = labels.indexOf("Unit 2 · Honest evaluation: splits, validation, cross-validation");
        int puzzles = labels.indexOf("Unit 10 · Data leakage puzzles");
        assertTrue(unit1 >= 0 && unit2 > unit1 && puzzles > unit2, "units in course order: " + labels);
        assertTrue(labels.subList(unit1, unit2).contains("Regression as loss minimisation over a polynomial basis"), labels.toString());
        assertTrue(labels.subList(unit2, labels.size()).contains("Steel coils from shared heats: split by heat"), labels.toString());
        assertTrue(labels.subList(puzzles, labels.size()).contains("Puzzle: The exam the model had already seen"), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains(".json") || l.matches("^\\d\\d-.*")), "no file names: " + labels);
        assertTrue(labels.stream().noneMatch(l -> l.startsWith("Solution")), "solutions are not examples");
    }

    static <T> List<T> all(Node root, Class<T> type) {
        List<T> out = new java.util.ArrayList<>();
        if (type.isInstance(root)) {
            out.add(type.cast(root));
        }
        if (root instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(all(c, type)));
        }
        return out;
    }

    static String words(Node root) {
        return PuzzleModeTest.texts(root);
    }
}
