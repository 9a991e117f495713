package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.anneal.editor.AxisScale;
import org.junit.jupiter.api.Test;

/** Axis ranges snap to 1-2-5 steps; pixel mapping is linear and invertible (hand-computed cases). */
class AxisScaleTest {

    @Test
    void rangesSnapToNiceSteps() {
        AxisScale a = AxisScale.nice(0, 7.3, 7, 0, 100);
        // 7.3 / 7 = 1.04 → step 2 (1 is too small), so 0..8
        assertEquals(2, a.step(), 1e-12);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0), a.ticks());
        AxisScale b = AxisScale.nice(-0.37, 0.52, 5, 0, 100);
        // 0.89 / 5 = 0.178 → step 0.2, range -0.4..0.6
        assertEquals(0.2, b.step(), 1e-12);
        assertEquals(-0.4, b.min(), 1e-12);
        assertEquals(0.6, b.max(), 1e-12);
        assertEquals("-0.4", b.format(b.ticks().get(0)));
        assertEquals("0.0", b.format(b.ticks().get(2)));
    }

    @Test
    void aSingleValueStillGetsAnAxis() {
        AxisScale a = AxisScale.nice(5, 5, 5, 0, 100);
        // padded by 10 % either side: 4.5..5.5, step 0.2 → 4.4..5.6
        assertEquals(4.4, a.min(), 1e-9);
        assertEquals(5.6, a.max(), 1e-9);
    }

    @Test
    void pixelsMapLinearlyAndBack() {
        AxisScale y = AxisScale.nice(0, 10, 5, 300, 20); // values grow upwards, pixels downwards
        assertEquals(300, y.toPixel(0), 1e-12);
        assertEquals(20, y.toPixel(10), 1e-12);
        assertEquals(160, y.toPixel(5), 1e-12);
        assertEquals(2.5, y.toData(230), 1e-12);
    }
}
