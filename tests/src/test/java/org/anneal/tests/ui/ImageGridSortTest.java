package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.editor.ImageGrid;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.image.GenerateSurfaceDefectsNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ten thousand generated surface-defect images with predictions in the thumbnail grid: sorted by label and by error and
 * filtered to one class, while only the cells in view ever get a thumbnail drawn.
 */
class ImageGridSortTest extends ViewerTestBase {
    /** 2,000 coils × 5 images of 32×32 from data.generate-surface-defects, with a prediction that is wrong on every 7th row. */
    static Table defects() {
        Table t = (Table) new GenerateSurfaceDefectsNode().execute(new Inputs(Map.of()),
                new GenerateSurfaceDefectsNode.Params(2000, 5, 32, 0.02, false), new StandaloneContext("strip", 3, Path.of("."))).get("table");
        CategoricalColumn truth = (CategoricalColumn) t.column("class").orElseThrow();
        int[] guess = truth.codes().clone();
        for (int r = 0; r < guess.length; r += 7) {
            guess[r] = (guess[r] + 1) % truth.levels().size();
        }
        return t.with(new CategoricalColumn("prediction", ColumnRole.PREDICTION, guess, truth.levels()));
    }

    /** Picks the sort order shown as {@code title}, as a click in the list would. */
    void sortBy(String title) throws Exception {
        ComboBox<?> sort = lookup("#imageSort").query();
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < sort.getItems().size(); i++) {
                if (title.equals(sort.getConverter().toString(cast(sort.getItems().get(i))))) {
                    sort.getSelectionModel().select(i);
                }
            }
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    List<String> visibleCaptions(String style) {
        return lookup(style).queryAll().stream().map(n -> ((Label) n).getText()).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void tenThousandDefectImagesSortByLabelAndErrorFilterByClassAndDrawOnlyTheCellsInView() throws Exception {
        Table t = defects();
        CategoricalColumn truth = (CategoricalColumn) t.column("class").orElseThrow();
        show("score:predictions", t);
        clickOn("#view-Images");
        WaitForAsyncUtils.waitForFxEvents();
        ImageGrid grid = lookup("#imageGrid").query();
        assertEquals(10_000, grid.shownRows().size());
        int cells = lookup(".image-thumbnail").queryAll().size();
        assertTrue(cells > 0 && cells < 200, cells + " cells built for 10,000 images");
        assertTrue(grid.thumbnailsRendered() <= 3 * cells, "opening draws the cells in view: " + grid.thumbnailsRendered());

        sortBy("Label");
        List<Integer> byLabel = grid.shownRows();
        assertEquals(10_000, byLabel.size());
        for (int i = 1; i < byLabel.size(); i++) {
            int a = truth.codes()[byLabel.get(i - 1)];
            int b = truth.codes()[byLabel.get(i)];
            assertTrue(a < b || a == b && byLabel.get(i - 1) < byLabel.get(i), "sorted by class, then row, at " + i);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !visibleCaptions(".image-caption").isEmpty());
        assertTrue(visibleCaptions(".image-caption").stream().allMatch(c -> c.startsWith("crazing · C")),
                "the first screen is all crazing: " + visibleCaptions(".image-caption"));

        ComboBox<String> filter = lookup("#imageClassFilter").query();
        WaitForAsyncUtils.asyncFx(() -> filter.setValue("scratches")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        long scratches = java.util.Arrays.stream(truth.codes()).filter(c -> c == 5).count();
        assertEquals(scratches, grid.shownRows().size());
        assertTrue(grid.shownRows().stream().allMatch(r -> truth.text(r).equals("scratches")), "only scratches");

        sortBy("Error, worst first");
        List<Integer> byError = grid.shownRows();
        long wrong = byError.stream().filter(r -> r % 7 == 0).count();
        assertTrue(wrong > 0 && byError.subList(0, (int) wrong).stream().allMatch(r -> r % 7 == 0), "the wrong predictions first");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !visibleCaptions(".image-prediction").isEmpty());
        assertTrue(visibleCaptions(".image-prediction").get(0).endsWith("✗"), visibleCaptions(".image-prediction").toString());

        int drawn = grid.thumbnailsRendered();
        assertTrue(drawn <= 4 * 3 * cells, "three screens of cells drew " + drawn + " thumbnails of 10,000");
        assertTrue(lookup(".image-thumbnail").queryAll().size() < 2 * cells, "cells are reused, not made per image");
    }
}
