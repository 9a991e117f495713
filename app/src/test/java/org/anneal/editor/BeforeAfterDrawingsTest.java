package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.PortRef;
import org.anneal.graph.WorkflowCodec;
import org.anneal.ml.Plot;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The previews of blocks whose output is not the same rows of the same column — a peak table, windows, lag columns, a
 * spectrum spread over channel columns — drawn from a real run's tables: what is drawn is checked against those tables.
 */
class BeforeAfterDrawingsTest {
    private static final String WORKFLOW = """
            { "format": "anneal-workflow", "version": 1, "meta": { "title": "drawings", "seed": 3 },
              "nodes": [
                { "id": "raman", "type": "data.generate-raman", "params": { "samples": 4, "channels": 128, "spikes": 0 } },
                { "id": "peaks", "type": "spectra.peaks", "params": { "prominence": 50, "profile": "none" } },
                { "id": "baseline", "type": "spectra.baseline", "params": { "clip": false } },
                { "id": "columns", "type": "spectra.to-columns" },
                { "id": "positive", "type": "spectra.non-negative" },
                { "id": "log", "type": "data.generate-process", "params": { "runs": 2, "minutes": 125 } },
                { "id": "signals", "type": "data.process-log", "params": { "time": "minute", "channels": ["temperature", "power"] } },
                { "id": "cut", "type": "signals.window", "params": { "window": 30, "stride": 20 } },
                { "id": "regrid", "type": "signals.resample", "params": { "time": "minute", "step": 1 } },
                { "id": "eels", "type": "data.generate-eels", "params": { "samples": 3 } },
                { "id": "background", "type": "spectra.eels-background" },
                { "id": "ratio", "type": "spectra.l3l2" },
                { "id": "temperature", "type": "data.filter", "params": { "column": "channel", "operator": "==", "value": "temperature" } },
                { "id": "lag", "type": "signals.lag", "params": { "columns": ["value"], "lags": [1, 3], "leads": [1], "time": "minute", "group": "run" } } ],
              "links": [
                { "from": "raman:table", "to": "peaks:table" }, { "from": "raman:table", "to": "baseline:table" },
                { "from": "baseline:out", "to": "columns:table" }, { "from": "columns:out", "to": "positive:table" },
                { "from": "log:table", "to": "signals:log" }, { "from": "signals:out", "to": "cut:table" },
                { "from": "log:table", "to": "regrid:log" }, { "from": "regrid:out", "to": "temperature:table" },
                { "from": "temperature:out", "to": "lag:table" },
                { "from": "eels:table", "to": "background:table" }, { "from": "background:out", "to": "ratio:table" } ] }
            """;
    private static SessionResult run;

    @BeforeAll
    static void runOnce() throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().parse(WORKFLOW, Path.of("drawings.json").toAbsolutePath(), "drawings.json");
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), ex);
            run = session.run(session.check(lw), SessionOptions.on(DeviceSelector.system().select("cpu")));
        }
        assertTrue(run.run().succeeded(), run.run().problems().toString());
    }

    private static Table value(String port) {
        PortRef ref = PortRef.parse(port);
        return (Table) run.run().node(ref.node()).outputs().get(ref.port());
    }

    private static BeforeAfter.Target target(String id) {
        var n = run.validation().source().workflow().node(id).orElseThrow();
        return BeforeAfter.of(id, run.validation().descriptors().get(id), n.params(), run.validation()).orElseThrow();
    }

    private static List<Plot> plots(String id, int row, int channel) {
        BeforeAfter.Target t = target(id);
        Table before = value(t.upstream().toString());
        Table after = value(id + ":" + t.output());
        BeforeAfter.Rows rows = BeforeAfter.rows(before, after, t).orElseThrow();
        return BeforeAfter.plots(before, after, t, rows, row, channel, null);
    }

    private static double[] row(TensorColumn c, int r) {
        double[] y = new double[c.rowSize()];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.values()[c.offset(r) + i];
        }
        return y;
    }

    @Test
    void aPeakTableIsDrawnAsItsSpectrumWithEveryPeakMarkedByItsProminence() {
        assertInstanceOf(PeakMarks.class, target("peaks").drawing());
        Table spectra = value("raman:table");
        Table peaks = value("peaks:peaks");
        TensorColumn s = (TensorColumn) spectra.column("spectrum").orElseThrow();
        int marked = 0;
        for (int r = 0; r < spectra.rowCount(); r++) {
            Plot p = plots("peaks", r, 0).get(0);
            assertEquals(List.of("spectrum", "peaks (prominence)"), p.series().stream().map(Plot.Series::name).toList());
            assertArrayEquals(row(s, r), p.series().get(0).y(), "the run's spectrum of row " + (r + 1));
            assertEquals(128, p.series().get(0).size());
            Plot.Series sticks = p.series().get(1);
            assertEquals(0, sticks.size() % 3, "a stick is two points and a gap");
            for (int k = 0; k < sticks.size() / 3; k++) {
                double x = sticks.x()[3 * k];
                int channel = indexOf(p.series().get(0).x(), x);
                assertEquals(p.series().get(0).y()[channel], sticks.y()[3 * k + 1], "stick " + k + " of row " + (r + 1) + " ends on the spectrum's top");
                assertTrue(sticks.y()[3 * k] < sticks.y()[3 * k + 1], "and starts a prominence lower");
                assertTrue(Double.isNaN(sticks.x()[3 * k + 2]));
            }
            assertTrue(p.title().endsWith(sticks.size() / 3 + (sticks.size() == 3 ? " peak found" : " peaks found")), p.title());
            marked += sticks.size() / 3;
        }
        assertTrue(peaks.rowCount() >= 8, "anatase, rutile, silicon and calcite bands: " + peaks.rowCount());
        assertEquals(peaks.rowCount(), marked, "every row of the peak table is marked once, on its own spectrum");
        // the first row's marks are the peak table's first rows, in rank order
        Plot first = plots("peaks", 0, 0).get(0);
        NumericColumn position = peaks.numeric("position");
        NumericColumn prominence = peaks.numeric("prominence");
        for (int k = 0; k < first.series().get(1).size() / 3; k++) {
            assertEquals(position.get(k), first.series().get(1).x()[3 * k]);
            assertEquals(prominence.get(k), first.series().get(1).y()[3 * k + 1] - first.series().get(1).y()[3 * k], 1e-9);
        }
    }

    private static int indexOf(double[] x, double v) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " is no channel");
    }

    @Test
    void windowsAreShadedOnTheSignalTheyWereCutFromAlternatingSoTheirOverlapShows() {
        assertInstanceOf(WindowSpans.class, target("cut").drawing());
        Table signals = value("signals:out");
        TensorColumn s = (TensorColumn) signals.column("signal").orElseThrow();
        int samples = s.shape().axis(0).size();
        int windows = (samples - 30) / 20 + 1;
        assertEquals(signals.rowCount() * windows, value("cut:out").rowCount(), "the run cut every signal alike");
        for (int r = 0; r < signals.rowCount(); r++) {
            Plot p = plots("cut", r, 1).get(0);
            assertEquals(List.of("signal"), p.series().stream().map(Plot.Series::name).toList());
            assertEquals(samples, p.series().get(0).size(), "the whole run");
            double[] power = new double[samples];
            for (int i = 0; i < samples; i++) {
                power[i] = s.values()[s.offset(r) + 2 * i + 1];
            }
            assertArrayEquals(power, p.series().get(0).y(), "channel 2 (power) of run " + (r + 1));
            assertEquals(windows, p.spans().size());
            double step = s.shape().axis(0).step();
            double t0 = s.shape().axis(0).value(0);
            for (int k = 0; k < windows; k++) {
                Plot.Span span = p.spans().get(k);
                assertEquals(k % 2 == 0 ? WindowSpans.ODD : WindowSpans.EVEN, span.name());
                assertEquals(t0 + 20 * k * step, span.from(), 1e-9, "window " + (k + 1) + " starts 20 samples after the last");
                assertEquals(t0 + (20 * k + 29) * step, span.to(), 1e-9, "and spans 30 samples");
            }
            assertTrue(p.title().endsWith(windows + " windows of 30 samples"), p.title());
        }
    }

    @Test
    void lagColumnsAreDrawnOverTheirColumnShiftedInTime() {
        assertInstanceOf(LagBeforeAfter.class, target("lag").drawing());
        BeforeAfter.Target t = target("lag");
        Table before = value("temperature:out");
        Table after = value("lag:out");
        BeforeAfter.Rows rows = BeforeAfter.rows(before, after, t).orElseThrow();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.count(); i++) {
            names.add(rows.name(i));
        }
        assertEquals(2, names.size(), "one entry per run (and lagged column): " + names);
        assertTrue(names.stream().allMatch(n -> n.endsWith(" · value")), names.toString());
        Plot p = plots("lag", 0, 0).get(0);
        assertEquals(List.of("value", "value_lag1", "value_lag3", "value_lead1"), p.series().stream().map(Plot.Series::name).toList());
        Plot.Series value = p.series().get(0);
        for (int j = 1; j < 4; j++) {
            Plot.Series copy = p.series().get(j);
            int shift = new int[] {0, 1, 3, -1}[j];
            assertTrue(copy.size() > 0 && copy.size() < value.size(), "drop-incomplete leaves out the rows without every lag and lead");
            for (int i = 0; i < copy.size(); i++) {
                int at = indexOf(value.x(), copy.x()[i]);
                assertEquals(value.y()[at - shift], copy.y()[i], copy.name() + " at minute " + copy.x()[i] + " is the value " + shift + " rows earlier");
            }
        }
        assertTrue(Arrays.stream(value.x()).allMatch(Double::isFinite));
    }

    @Test
    void aBlockThatOnlyMeasuresItsSpectrumHandsItOnUntouchedSoNothingIsSetSideBySide() {
        BeforeAfter.Target ratio = target("ratio");
        assertTrue(BeforeAfter.passesThrough(value("background:out"), value("ratio:out"), ratio), "spectra.l3l2 appends its ratio");
        BeforeAfter.Target background = target("background");
        assertTrue(!BeforeAfter.passesThrough(value("eels:table"), value("background:out"), background), "the background is subtracted");
        assertEquals(2, plots("background", 0, 0).get(0).series().size());
        // channel columns handed on as the same columns (a block that keeps them all) are untouched; lifted ones are not
        Table wide = value("columns:out");
        assertTrue(BeforeAfter.passesThrough(wide, new Table(wide.columns()), target("positive")));
        assertTrue(!BeforeAfter.passesThrough(wide, value("positive:out"), target("positive")));
    }

    @Test
    void aSpectrumSpreadOverChannelColumnsIsDrawnOnTheAxisItsNamesGive() {
        ChannelRow drawing = assertInstanceOf(ChannelRow.class, target("positive").drawing());
        Table before = value("columns:out");
        Table after = value("positive:out");
        assertEquals(128, drawing.channels().size(), "every channel column of the spectrum");
        boolean shifted = false;
        for (int r = 0; r < before.rowCount(); r++) {
            Plot p = plots("positive", r, 0).get(0);
            assertEquals(List.of("before", "after"), p.series().stream().map(Plot.Series::name).toList());
            double[] x = p.series().get(0).x();
            assertEquals(128, x.length);
            for (int i = 1; i < x.length; i++) {
                assertTrue(x[i] > x[i - 1], "in axis order");
            }
            double[] in = p.series().get(0).y();
            double[] out = p.series().get(1).y();
            assertEquals(before.numeric(drawing.channels().get(0)).get(r), in[0]);
            double min = Arrays.stream(in).min().orElseThrow();
            for (int i = 0; i < in.length; i++) {
                // the offset rule: a row whose smallest value is negative is lifted by it; the run's own values
                assertEquals(after.numeric(drawing.channels().get(i)).get(r), out[i]);
                assertEquals(in[i] - Math.min(min, 0), out[i], 1e-9);
            }
            shifted |= min < 0;
        }
        assertTrue(shifted, "the unclipped baseline left negative values to lift");
        assertTrue(BeforeAfter.of("columns", run.validation().descriptors().get("columns"),
                run.validation().source().workflow().node("columns").orElseThrow().params(), run.validation()).isEmpty(), "to-columns itself has none");
    }
}
