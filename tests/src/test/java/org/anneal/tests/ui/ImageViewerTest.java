package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.editor.ImageGrid;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A table of micrographs seen as thumbnails: captions with label and group, a class filter, a click to enlarge. */
class ImageViewerTest extends ViewerTestBase {
    /** 40 images of 16×16 at 0.5 µm/px: a left-to-right ramp, brighter for later rows; classes a/b alternate, 4 specimens. */
    static Table micrographs() {
        int n = 40;
        float[] px = new float[n * 256];
        int[] cls = new int[n];
        int[] spec = new int[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 256; i++) {
                px[r * 256 + i] = (i % 16) / 15f * (0.5f + r / 80f);
            }
            cls[r] = r % 2;
            spec[r] = r / 10;
        }
        Shape s = Shape.of(Axis.regular("y", 16, "µm", 0, 0.5), Axis.regular("x", 16, "µm", 0, 0.5), Axis.of("channel", 1));
        return new Table(List.of(new TensorColumn("image", ColumnRole.FEATURE, s, px, new boolean[n], ""),
                new CategoricalColumn("phase", ColumnRole.TARGET, cls, List.of("ferrite", "pearlite")),
                new CategoricalColumn("specimen", ColumnRole.GROUP, spec, List.of("S1", "S2", "S3", "S4"))));
    }

    @Test
    void theImagesViewShowsThumbnailsWithLabelAndGroupFiltersByClassAndEnlarges() throws Exception {
        Table t = micrographs();
        show("tile:out", t);
        clickOn("#view-Images");
        WaitForAsyncUtils.waitForFxEvents();
        ImageGrid grid = lookup("#imageGrid").query();
        assertEquals(40, grid.shownRows().size());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !lookup(".image-caption").queryAll().isEmpty());
        List<String> captions = lookup(".image-caption").queryAll().stream().map(n -> ((Label) n).getText()).filter(s -> !s.isEmpty()).toList();
        assertTrue(captions.contains("ferrite · S1") && captions.contains("pearlite · S1"), captions.toString());
        assertTrue(captions.size() < 40, "only cells in view are built: " + captions.size());
        long drawn = lookup(".image-thumbnail").queryAll().stream()
                .filter(c -> c.lookup(".image-view") instanceof ImageView v && v.getImage() != null).count();
        assertTrue(drawn > 0, "thumbnails are drawn");

        ComboBox<String> filter = lookup("#imageClassFilter").query();
        WaitForAsyncUtils.asyncFx(() -> {
            filter.setValue("pearlite");
            filter.getOnAction().handle(null);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, grid.shownRows().size());
        assertTrue(grid.shownRows().stream().allMatch(r -> r % 2 == 1), "only pearlite rows");

        clickOn(lookup(".image-thumbnail").queryAll().iterator().next());
        WaitForAsyncUtils.waitForFxEvents();
        Stage zoom = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("image, row")).findFirst().orElseThrow();
        assertEquals("image, row 2", zoom.getTitle(), "the first pearlite image is row 2");
        ImageView big = (ImageView) zoom.getScene().getRoot().lookup(".image-view");
        assertEquals(16 * 32, big.getFitWidth(), 1e-9, "16 px enlarged 32 times");
        assertTrue(zoom.getScene().getRoot().lookup("#scaleBar") != null, "0.5 µm/px gives a scale bar");
        moveTo(big.localToScreen(15 * 32 + 16, 3 * 32 + 16));
        WaitForAsyncUtils.waitForFxEvents();
        String readout = ((Label) zoom.getScene().getRoot().lookup("#zoomReadout")).getText();
        assertEquals(String.format(java.util.Locale.ROOT, "x 15, y 3: %.4g", 0.5f + 1 / 80f), readout);
        WaitForAsyncUtils.asyncFx(zoom::close).get(5, TimeUnit.SECONDS);
    }

    @Test
    void tenThousandImagesScrollWithThumbnailsDrawnOnlyForTheCellsInView() throws Exception {
        int n = 10_000;
        float[] px = new float[n * 64];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % 64) / 63f;
        }
        Table t = new Table(List.of(new TensorColumn("image", ColumnRole.FEATURE, Shape.image(8, 8, 1), px, new boolean[n], "")));
        show("tile:out", t);
        clickOn("#view-Images");
        WaitForAsyncUtils.waitForFxEvents();
        ImageGrid grid = lookup("#imageGrid").query();
        assertEquals(n, grid.shownRows().size());
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) grid.lookup("#thumbnails").lookup(".virtual-flow");
        int rows = flow.getCellCount();
        int cells = lookup(".image-thumbnail").queryAll().size();
        int afterOpen = grid.thumbnailsRendered();
        // the first layout passes may fill the cells twice while the column count settles
        assertTrue(afterOpen > 0 && afterOpen <= 3 * cells, "opening draws the rows of the cells in view: " + afterOpen + " rows, " + cells + " cells");
        for (int k = 1; k <= 20; k++) {
            int row = rows * k / 20 - 1;
            WaitForAsyncUtils.asyncFx(() -> flow.setPosition((double) row / rows)).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        int drawn = grid.thumbnailsRendered();
        assertTrue(drawn > afterOpen, "scrolling draws the cells it reaches: " + drawn + " rows drawn, flow of " + rows
                + " grid rows at position " + flow.getPosition());
        assertTrue(drawn <= 2 * 21 * cells && drawn < n / 5, "20 jumps through " + rows + " grid rows drew " + drawn + " thumbnails of " + n);
        assertTrue(lookup(".image-thumbnail").queryAll().size() < 2 * cells, "cells are reused, not made per image");
    }

    @Test
    void aGreyThumbnailStretchesFromItsDarkestToItsBrightestPixel() throws Exception {
        Table t = micrographs();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> ImageGrid.render((TensorColumn) t.column("image").orElseThrow(), 5))
                .get(5, TimeUnit.SECONDS);
        assertEquals(0xff000000, img.getPixelReader().getArgb(0, 0));
        assertEquals(0xffffffff, img.getPixelReader().getArgb(15, 9));
        int mid = img.getPixelReader().getArgb(7, 0) & 0xff;
        assertEquals(Math.round(7 / 15f * 255), mid);
    }

    @Test
    void aTableWithoutImagesOffersNoImagesView() throws Exception {
        show("load:table", new Table(List.of(new CategoricalColumn("phase", ColumnRole.TARGET, new int[] {0}, List.of("a")))));
        assertFalse(lookup("#view-Images").tryQuery().isPresent());
    }
}
