package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.editor.PlotChart;
import org.anneal.ml.Plot;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A table with a spectrum column offers a "Spectra" view: a few rows overlaid on their physical axis with its unit. */
class SpectrumViewerTest extends ViewerTestBase {

    @Test
    void spectraAreOverlaidOnTheirAxisNamedByTheirSample() throws Exception {
        int rows = 10;
        int channels = 200;
        float[] v = new float[rows * channels];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < channels; i++) {
                double e = 0.5 + 0.05 * i;
                v[r * channels + i] = (float) ((r + 1) * 100 * Math.exp(-Math.pow((e - 5.9) / 0.1, 2)) + 10);
            }
        }
        String[] names = new String[rows];
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            names[r] = "S" + (r + 1);
            codes[r] = r;
        }
        Table t = new Table(List.of(new CategoricalColumn("sample", ColumnRole.GROUP, codes, List.of(names)),
                new TensorColumn("spectrum", ColumnRole.FEATURE, Shape.spectrum(Axis.regular("energy", channels, "keV", 0.5, 0.05)), v,
                        new boolean[rows], "counts")));
        show("spectra:table", t);
        clickOn("#view-Spectra");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#plotChart").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        PlotChart chart = lookup("#plotChart").query();
        Plot p = chart.plot();
        assertEquals(Plot.Kind.LINE, p.kind());
        assertEquals("energy (keV)", p.xLabel());
        assertEquals("intensity (counts)", p.yLabel());
        assertEquals("spectrum by sample: 6 of 10 spectra", p.title());
        assertEquals(List.of("S1", "S2", "S4", "S6", "S7", "S9"), p.series().stream().map(Plot.Series::name).toList(), "spread over the table");
        assertEquals(0.5, p.series().get(0).x()[0], 1e-12);
        assertEquals(910, p.series().get(5).y()[108], 1e-3, "row 9 at 5.9 keV: 9·100 + 10");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.getWidth() > 200 && chart.xScale() != null);
        assertTrue(chart.xScale() != null, "the chart is drawn");
        clickOn("#view-Table");
        assertTrue(lookup("#dataViewer").tryQuery().isPresent(), "back to the table");
    }
}
