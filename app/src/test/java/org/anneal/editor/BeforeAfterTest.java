package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.Validation;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.WorkflowCodec;
import org.anneal.ml.Plot;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;

/** Which blocks get a before/after preview is read from declarations and configured specs, and the plots hold the rows. */
class BeforeAfterTest {
    private static final String WORKFLOW = """
            { "format": "anneal-workflow", "version": 1, "meta": { "title": "previews", "seed": 1 },
              "nodes": [
                { "id": "raman", "type": "data.generate-raman", "params": { "samples": 4, "channels": 64 } },
                { "id": "despike", "type": "spectra.despike" },
                { "id": "smooth", "type": "spectra.smooth" },
                { "id": "resample", "type": "spectra.resample", "params": { "start": 200, "step": 10, "points": 100 } },
                { "id": "columns", "type": "spectra.to-columns" },
                { "id": "split", "type": "split.holdout" },
                { "id": "eels", "type": "data.generate-eels", "params": { "samples": 4 } },
                { "id": "background", "type": "spectra.eels-background" },
                { "id": "log", "type": "data.generate-process", "params": { "runs": 2, "minutes": 120 } },
                { "id": "windows", "type": "data.process-log", "params": { "time": "minute", "channels": ["temperature"] } },
                { "id": "fft", "type": "signals.fft" },
                { "id": "slope", "type": "signals.derivative" },
                { "id": "stats", "type": "signals.statistics", "params": { "statistics": ["mean"] } },
                { "id": "stft", "type": "signals.spectrogram", "params": { "frame": 16, "hop": 8 } },
                { "id": "regrid", "type": "signals.resample", "params": { "time": "minute", "step": 2 } },
                { "id": "rowsmooth", "type": "signals.smooth", "params": { "column": "value", "over": "rows", "group": "run" } },
                { "id": "lag", "type": "signals.lag", "params": { "columns": ["value"], "time": "minute", "group": "run" } },
                { "id": "peaks", "type": "spectra.peaks", "params": { "prominence": 5 } },
                { "id": "cut", "type": "signals.window", "params": { "window": 20, "stride": 10 } },
                { "id": "positive", "type": "spectra.non-negative" } ],
              "links": [
                { "from": "raman:table", "to": "despike:table" }, { "from": "despike:out", "to": "smooth:table" },
                { "from": "smooth:out", "to": "resample:table" }, { "from": "resample:out", "to": "columns:table" },
                { "from": "raman:table", "to": "split:table" },
                { "from": "eels:table", "to": "background:table" },
                { "from": "log:table", "to": "windows:log" }, { "from": "windows:out", "to": "fft:table" },
                { "from": "windows:out", "to": "slope:table" }, { "from": "windows:out", "to": "stft:table" }, { "from": "windows:out", "to": "stats:table" },
                { "from": "log:table", "to": "regrid:log" }, { "from": "regrid:out", "to": "rowsmooth:table" },
                { "from": "regrid:out", "to": "lag:table" }, { "from": "despike:out", "to": "peaks:table" },
                { "from": "windows:out", "to": "cut:table" }, { "from": "columns:out", "to": "positive:table" } ] }
            """;

    @Test
    void processingBlocksOfSpectraAndSignalsHaveAPreviewAndNothingElseDoes() throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().parse(WORKFLOW, Path.of("previews.json").toAbsolutePath(), "previews.json");
        Validation v = WorkflowSession.checking(NodeRegistry.standard()).check(lw).validation();
        assertTrue(v.errors().isEmpty(), v.errors().toString());
        Map<String, String> previewed = new TreeMap<>();
        for (NodeInstance n : lw.workflow().nodes()) {
            BeforeAfter.of(n.id(), v.descriptors().get(n.id()), n.params(), v)
                    .ifPresent(t -> previewed.put(n.id(), t.upstream() + " → " + t.output() + " · " + t.column()));
        }
        assertEquals(Map.ofEntries(Map.entry("despike", "raman:table → out · spectrum"), Map.entry("smooth", "despike:out → out · spectrum"),
                Map.entry("resample", "smooth:out → out · spectrum"), Map.entry("background", "eels:table → out · spectrum"),
                Map.entry("fft", "windows:out → out · signal"), Map.entry("slope", "windows:out → out · signal"),
                Map.entry("regrid", "log:table → out · value"), Map.entry("rowsmooth", "regrid:out → out · value"),
                Map.entry("lag", "regrid:out → out · value"), Map.entry("peaks", "despike:out → peaks · spectrum"),
                Map.entry("cut", "windows:out → out · signal"), Map.entry("positive", "columns:out → out · wavenumber channels")), previewed,
                "sources, splits, to-columns, statistics (the column becomes features) and the spectrogram (a new column beside "
                        + "the unchanged signal) have none");
        Map<String, Class<?>> drawings = new TreeMap<>();
        for (NodeInstance n : lw.workflow().nodes()) {
            BeforeAfter.of(n.id(), v.descriptors().get(n.id()), n.params(), v).map(BeforeAfter.Target::drawing).ifPresent(d -> drawings.put(n.id(), d.getClass()));
        }
        assertEquals(Map.of("regrid", SeriesBeforeAfter.class, "rowsmooth", SeriesBeforeAfter.class, "lag", LagBeforeAfter.class,
                "peaks", PeakMarks.class, "cut", WindowSpans.class, "positive", ChannelRow.class), drawings,
                "a tensor row over the same row needs no drawing of its own; the others say how they are drawn");
        NodeInstance regrid = lw.workflow().node("regrid").orElseThrow();
        assertEquals(new SeriesBeforeAfter("minute", "value", List.of("run", "channel")),
                BeforeAfter.of("regrid", v.descriptors().get("regrid"), regrid.params(), v).orElseThrow().drawing(), "a log's series: a run's channel");
        NodeInstance rows = lw.workflow().node("rowsmooth").orElseThrow();
        assertEquals(new SeriesBeforeAfter("minute", "value", List.of("run")),
                BeforeAfter.of("rowsmooth", v.descriptors().get("rowsmooth"), rows.params(), v).orElseThrow().drawing(), "rows: a group, on the time column");
    }

    private static Table spectra(String unit, double start, int channels, double scale) {
        float[] v = new float[2 * channels];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (i * scale);
        }
        return new Table(List.of(new CategoricalColumn("sample", ColumnRole.GROUP, new int[] {0, 1}, List.of("a", "b")),
                new TensorColumn("spectrum", ColumnRole.FEATURE, Shape.spectrum(Axis.regular("energy", channels, unit, start, 0.5)), v, new boolean[2], "counts")));
    }

    @Test
    void aRowIsOverlaidOnItsAxisOrDrawnTwiceWhenTheAxisChanges() {
        Table in = spectra("keV", 1, 4, 1);
        Table out = spectra("keV", 1, 4, 2);
        BeforeAfter.Rows rows = BeforeAfter.rows(in, out, "spectrum").orElseThrow();
        assertEquals(2, rows.count());
        assertEquals("sample b", rows.name(1));
        List<Plot> same = BeforeAfter.plots(in, out, "spectrum", 1, 0, rows.name(1), null);
        assertEquals(1, same.size());
        assertEquals("energy (keV)", same.get(0).xLabel());
        assertEquals(List.of(4.0, 5.0, 6.0, 7.0), java.util.Arrays.stream(same.get(0).series().get(0).y()).boxed().toList(), "row 2 before");
        assertEquals(14.0, same.get(0).series().get(1).y()[3], "row 2 after");
        assertEquals(2.5, same.get(0).series().get(0).x()[3], "1 keV + 3 · 0.5");
        List<Plot> changed = BeforeAfter.plots(in, spectra("eV", 1000, 4, 1), "spectrum", 0, 0, rows.name(0), null);
        assertEquals(List.of("energy (keV)", "energy (eV)"), changed.stream().map(Plot::xLabel).toList(), "another unit: two charts");
        assertTrue(BeforeAfter.rows(in, new Table(List.of(in.columns().get(1))).rows(new int[] {0}), "spectrum").isEmpty(), "fewer rows out: no pairing");
    }

    /** A long log: run r1's temperature at minutes 0, 3, 1 (unsorted) and power at 0, 2; run r2's temperature at 0, 2. */
    private static Table log(double[] minute, int[] run, int[] channel, double[] value) {
        return new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, run, List.of("r1", "r2")),
                new org.anneal.data.NumericColumn("minute", ColumnRole.TIME, minute, "min"),
                new CategoricalColumn("channel", ColumnRole.FEATURE, channel, List.of("temperature", "power")),
                new org.anneal.data.NumericColumn("value", ColumnRole.FEATURE, value, "°C")));
    }

    @Test
    void aLogIsPreviewedOneRunAndChannelAtATimeOnItsTimeAxis() {
        Table in = log(new double[] {0, 3, 1, 0, 2, 0, 2}, new int[] {0, 0, 0, 0, 0, 1, 1}, new int[] {0, 0, 0, 1, 1, 0, 0},
                new double[] {20, 50, 30, 5, 7, 100, 120});
        Table out = log(new double[] {0, 0, 1, 1, 2, 2, 0, 1, 2}, new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1}, new int[] {0, 1, 0, 1, 0, 1, 0, 0, 0},
                new double[] {20, 5, 30, 6, 40, 7, 100, 110, 120});
        var target = new BeforeAfter.Target("regrid", "log", null, "out", "value", null, new SeriesBeforeAfter("minute", "value", List.of("run", "channel")));
        BeforeAfter.Rows rows = BeforeAfter.rows(in, out, target).orElseThrow();
        assertEquals(List.of("r1 · temperature", "r1 · power", "r2 · temperature"), List.of(rows.name(0), rows.name(1), rows.name(2)));
        Plot p = BeforeAfter.plots(in, out, target, rows, 0, 0, null).get(0);
        assertEquals("minute (min)", p.xLabel());
        assertEquals("value (°C)", p.yLabel());
        assertTrue(p.title().contains("r1 · temperature"), p.title());
        assertEquals(List.of(0.0, 1.0, 3.0), java.util.Arrays.stream(p.series().get(0).x()).boxed().toList(), "before: the samples, in time order");
        assertEquals(List.of(20.0, 30.0, 50.0), java.util.Arrays.stream(p.series().get(0).y()).boxed().toList());
        assertEquals(List.of(0.0, 1.0, 2.0), java.util.Arrays.stream(p.series().get(1).x()).boxed().toList(), "after: the grid");
        assertEquals(List.of(20.0, 30.0, 40.0), java.util.Arrays.stream(p.series().get(1).y()).boxed().toList());
        assertEquals(List.of(100.0, 110.0, 120.0), java.util.Arrays.stream(BeforeAfter.plots(in, out, target, rows, 2, 0, null).get(0).series().get(1).y())
                .boxed().toList(), "run r2");
    }
}
