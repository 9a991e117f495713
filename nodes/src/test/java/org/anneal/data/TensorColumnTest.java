package org.anneal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;

class TensorColumnTest {
    private static final Shape IMAGE = Shape.image(2, 3, 1);

    /** Three 2×3 images: 0..5, missing, 10..15. */
    private static TensorColumn three() {
        float[] a = {0, 1, 2, 3, 4, 5};
        float[] c = {10, 11, 12, 13, 14, 15};
        return TensorColumn.of("img", ColumnRole.FEATURE, IMAGE, Arrays.asList(a, null, c));
    }

    @Test
    void rowsAreContiguousSlicesOfOneArray() {
        TensorColumn t = three();
        assertEquals(3, t.size());
        assertEquals(6, t.rowSize());
        assertEquals(18, t.values().length);
        assertEquals(12, t.offset(2));
        assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15}, t.get(2));
        assertEquals(ColumnType.TENSOR, t.type());
    }

    @Test
    void missingRowsAreFlaggedHoldNaNAndShowNoText() {
        TensorColumn t = three();
        assertTrue(t.isMissing(1));
        assertFalse(t.isMissing(0));
        assertEquals(1, t.missingCount());
        assertTrue(Float.isNaN(t.values()[t.offset(1)]));
        assertEquals("", t.text(1));
        assertEquals("", t.key(1));
    }

    @Test
    void rowSelectionCopiesTheSlicesInOrderWithRepeats() {
        TensorColumn t = three();
        TensorColumn picked = (TensorColumn) t.rows(new int[] {2, 0, 2, 1});
        assertEquals(4, picked.size());
        assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15},
                Arrays.copyOf(picked.values(), 18));
        assertTrue(picked.isMissing(3));
        assertEquals(24, picked.values().length, "exactly rows × size, no spare capacity");
        assertFalse(picked.values() == t.values());
        assertThrows(IndexOutOfBoundsException.class, () -> t.rows(new int[] {3}));
        TensorColumn joined = t.rowsOrMissing(new int[] {0, -1});
        assertTrue(joined.isMissing(1));
        assertFalse(joined.isMissing(0));
    }

    @Test
    void specRoleNameAndTextCarryTheShape() {
        TensorColumn t = three();
        ColumnSpec s = t.spec();
        assertEquals(ColumnType.TENSOR, s.type());
        assertEquals(IMAGE, s.shape());
        assertTrue(s.isTensor());
        assertEquals("tensor 2×3×1", s.typeLabel());
        assertEquals(ColumnRole.IGNORE, t.withRole(ColumnRole.IGNORE).spec().role());
        assertEquals("micrograph", t.renamed("micrograph").name());
        assertEquals(IMAGE, ((TensorColumn) t.renamed("micrograph")).shape());
        assertEquals("[2×3×1] mean 2.5", t.text(0));
        assertEquals("[2×3×1] mean 12.5", t.text(2));
    }

    @Test
    void equalTensorsHashEquallyAndAnyChangedValueChangesTheKey() {
        float[] base = new float[4096];
        for (int i = 0; i < base.length; i++) {
            base[i] = (float) Math.sin(i * 0.01);
        }
        float[] same = base.clone();
        float[] oneUlp = base.clone();
        oneUlp[4000] = Math.nextUp(oneUlp[4000]);
        float[] swapped = base.clone(); // same values, so the same mean and text, in another order
        swapped[0] = base[1];
        swapped[1] = base[0];
        float[] negZero = base.clone();
        negZero[0] = -0.0f;
        float[] posZero = base.clone();
        posZero[0] = 0.0f;
        TensorColumn t = TensorColumn.of("s", ColumnRole.FEATURE, Shape.image(64, 64, 1),
                List.of(base, same, oneUlp, swapped, negZero, posZero));
        assertEquals(t.key(0), t.key(1));
        assertEquals(32, t.key(0).length());
        assertNotEquals(t.key(0), t.key(2));
        assertNotEquals(t.key(0), t.key(3));
        assertEquals(t.text(0), t.text(3), "the summary cannot tell them apart; the key can");
        assertEquals(t.key(4), t.key(5), "-0.0 and 0.0 are equal values, as in numeric columns");
    }

    @Test
    void aThousandRandomTensorsGiveAThousandKeys() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < 1000; r++) {
            float[] v = new float[16];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextInt(3); // few distinct values: many rows differ in one place only
            }
            rows.add(v);
        }
        TensorColumn t = TensorColumn.of("s", ColumnRole.FEATURE, Shape.spectrum(Axis.of("channel", 16)), rows);
        long distinctRows = rows.stream().map(Arrays::toString).distinct().count();
        long distinctKeys = java.util.stream.IntStream.range(0, 1000).mapToObj(t::key).distinct().count();
        assertEquals(distinctRows, distinctKeys);
    }

    @Test
    void wrongLengthsAndScalarShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TensorColumn.of("s", ColumnRole.FEATURE, IMAGE, List.of(new float[5])));
        assertThrows(IllegalArgumentException.class,
                () -> new TensorColumn("s", ColumnRole.FEATURE, IMAGE, new float[7], new boolean[1], ""));
        assertThrows(IllegalArgumentException.class,
                () -> new TensorColumn("s", ColumnRole.FEATURE, Shape.SCALAR, new float[1], new boolean[1], ""));
    }

    @Test
    void groupMeansAverageReplicatesValueByValue() {
        TensorColumn t = three();
        TensorColumn m = t.meanOfRows(List.of(new int[] {0, 1, 2}, new int[] {1}));
        assertArrayEquals(new float[] {5, 6, 7, 8, 9, 10}, m.get(0));
        assertTrue(m.isMissing(1), "a group with only missing rows stays missing");
    }

    @Test
    void tablesSelectRowsOfTensorColumnsLikeAnyOther() {
        Table table = new Table(List.of(three(), new NumericColumn("x", ColumnRole.TARGET, new double[] {1, 2, 3})));
        Table sub = table.rows(new int[] {2, 0});
        assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15}, ((TensorColumn) sub.column("img").orElseThrow()).get(0));
        assertEquals(3.0, sub.numeric("x").get(0));
        assertEquals(List.of("img", "x"), sub.spec(org.anneal.spec.Lineage.UNSPLIT).names());
        assertEquals(IMAGE, sub.spec(org.anneal.spec.Lineage.UNSPLIT).columns().get(0).shape());
    }
}
