package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;

/** What the thumbnail grid shows beside each image and in which order, on five rows worked out by hand. */
class ImageRowsTest {
    static TensorColumn images(int n) {
        return new TensorColumn("image", ColumnRole.FEATURE, Shape.image(2, 2, 1), new float[n * 4], new boolean[n], "");
    }

    /** Labels b a b a c, predictions b b b a a (rows 1 and 4 wrong), groups S2 S1 S2 S1 S1. */
    static Table classified() {
        List<String> levels = List.of("a", "b", "c");
        return new Table(List.of(images(5),
                new CategoricalColumn("phase", ColumnRole.TARGET, new int[] {1, 0, 1, 0, 2}, levels),
                new CategoricalColumn("specimen", ColumnRole.GROUP, new int[] {1, 0, 1, 0, 0}, List.of("S1", "S2")),
                new CategoricalColumn("prediction", ColumnRole.PREDICTION, new int[] {1, 1, 1, 0, 0}, levels)));
    }

    @Test
    void classifiedRowsSortByLabelPredictionErrorAndGroupAndFilterByClass() {
        ImageRows rows = new ImageRows(classified());
        assertEquals(List.of(ImageRows.Order.values()), rows.orders());
        assertEquals(List.of("a", "b", "c"), rows.classes());
        assertEquals(List.of(0, 1, 2, 3, 4), rows.rows(ImageRows.Order.ROW, ImageRows.ALL_CLASSES));
        assertEquals(List.of(1, 3, 0, 2, 4), rows.rows(ImageRows.Order.LABEL, ImageRows.ALL_CLASSES), "a a b b c, ties in row order");
        assertEquals(List.of(3, 4, 0, 1, 2), rows.rows(ImageRows.Order.PREDICTION, null));
        assertEquals(List.of(1, 4, 0, 2, 3), rows.rows(ImageRows.Order.ERROR, null), "the wrong ones first");
        assertEquals(List.of(1, 3, 4, 0, 2), rows.rows(ImageRows.Order.GROUP, null));
        assertEquals(List.of(0, 2), rows.rows(ImageRows.Order.ERROR, "b"));
        assertEquals("b · S2", rows.caption(0));
        assertEquals("→ b ✓", rows.predicted(0));
        assertEquals("→ b ✗", rows.predicted(1));
    }

    @Test
    void regressionRowsSortByTheDistanceOfThePredictionFromTheTruth() {
        Table t = new Table(List.of(images(3), new NumericColumn("grain_um", ColumnRole.TARGET, new double[] {10, 20, 30}),
                new NumericColumn("prediction", ColumnRole.PREDICTION, new double[] {12, 19.5, 36})));
        ImageRows rows = new ImageRows(t);
        assertEquals(List.of(ImageRows.Order.ROW, ImageRows.Order.LABEL, ImageRows.Order.PREDICTION, ImageRows.Order.ERROR), rows.orders());
        assertEquals(List.of(), rows.classes(), "numbers offer no class filter");
        assertEquals(List.of(2, 0, 1), rows.rows(ImageRows.Order.ERROR, ImageRows.ALL_CLASSES));
        assertEquals(List.of(0, 1, 2), rows.rows(ImageRows.Order.PREDICTION, ImageRows.ALL_CLASSES));
        assertEquals("→ 36, error 6.00", rows.predicted(2).replace("36.0", "36"));
        assertEquals("10", rows.caption(0).replace("10.0", "10"));
    }

    @Test
    void aTableWithoutLabelsNumbersItsRows() {
        ImageRows rows = new ImageRows(new Table(List.of(images(2))));
        assertEquals(List.of(ImageRows.Order.ROW), rows.orders());
        assertEquals("#2", rows.caption(1));
        assertEquals("", rows.predicted(1));
    }
}
