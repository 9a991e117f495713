package org.anneal.nodes.spectra;

import static org.anneal.nodes.spectra.SpectrumBlocksTest.configureError;
import static org.anneal.nodes.spectra.SpectrumBlocksTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.WorkflowCodec;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeRegistry;
import org.anneal.device.DeviceSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gathering a wide table's channel columns into one spectrum: by hand, as the reverse of to-columns, and from a real CSV. */
class FromColumnsNodeTest {

    static FromColumnsNode.Params params(String prefix) {
        return new FromColumnsNode.Params(prefix, AxisKind.WAVENUMBER, "spectrum");
    }

    static Table wide(String... names) {
        List<org.anneal.data.Column> cols = new java.util.ArrayList<>();
        cols.add(new CategoricalColumn("sample", ColumnRole.GROUP, new int[] {0, 1}, List.of("a", "b")));
        for (int k = 0; k < names.length; k++) {
            cols.add(new NumericColumn(names[k], ColumnRole.FEATURE, new double[] {k + 1, 10 * (k + 1)}, "absorbance"));
        }
        cols.add(new NumericColumn("density", ColumnRole.TARGET, new double[] {1.3, 1.4}));
        return new Table(cols);
    }

    @Test
    void channelsAreOrderedByTheNumberInTheirName() throws Exception {
        // written out of order: the axis puts 1000 before 1002 before 1004
        Table out = run(new FromColumnsNode(), params("wn_"), wide("wn_1002", "wn_1000", "wn_1004"));
        assertEquals(List.of("sample", "spectrum", "density"), out.spec(Lineage.UNSPLIT).names());
        TensorColumn s = (TensorColumn) out.column("spectrum").orElseThrow();
        assertArrayEquals(new float[] {2, 1, 3}, s.get(0));
        assertArrayEquals(new float[] {20, 10, 30}, s.get(1));
        Axis axis = s.shape().axis(0);
        assertEquals("wavenumber", axis.name());
        assertEquals("cm⁻¹", axis.unit());
        assertEquals(1000, axis.start(), 0);
        assertEquals(2, axis.step(), 0);
        assertEquals("absorbance", s.unit());
    }

    @Test
    void unevenChannelsKeepTheirListedValues() throws Exception {
        TensorColumn s = (TensorColumn) run(new FromColumnsNode(), params(""), wide("400", "401.5", "404")).column("spectrum").orElseThrow();
        Axis axis = s.shape().axis(0);
        assertArrayEquals(new double[] {400, 401.5, 404}, new double[] {axis.value(0), axis.value(1), axis.value(2)}, 0);
    }

    @Test
    void toColumnsThenFromColumnsGivesBackTheSameSpectra() throws Exception {
        Table t = SpectrumBlocksTest.table(Axis.regular("2θ", 5, "°", 10, 0.05), new float[] {1.5f, 2, 3, 4, 0.25f},
                new float[] {5, 6, 7, 8, 9});
        Table columns = run(new ToColumnsNode(), new ToColumnsNode.Params("spectrum", 1), t);
        Table back = run(new FromColumnsNode(), new FromColumnsNode.Params("2θ_", AxisKind.TWO_THETA, "spectrum"), columns);
        TensorColumn before = (TensorColumn) t.column("spectrum").orElseThrow();
        TensorColumn after = (TensorColumn) back.column("spectrum").orElseThrow();
        assertArrayEquals(before.values(), after.values());
        assertTrue(before.shape().axis(0).sameGrid(after.shape().axis(0)), before.shape() + " vs " + after.shape());
    }

    @Test
    void aRowWithAMissingChannelBecomesAMissingSpectrum() throws Exception {
        Table t = new Table(List.of(new NumericColumn("1", ColumnRole.FEATURE, new double[] {1, Double.NaN}),
                new NumericColumn("2", ColumnRole.FEATURE, new double[] {2, 2}), new NumericColumn("3", ColumnRole.FEATURE, new double[] {3, 3})));
        TensorColumn s = (TensorColumn) run(new FromColumnsNode(), params(""), t).column("spectrum").orElseThrow();
        assertFalse(s.isMissing(0));
        assertTrue(s.isMissing(1));
    }

    @Test
    void refusalsNameTheColumnAndSayWhatToDo() {
        ConfigError few = configureError(new FromColumnsNode(), params("wn_"), wide("wn_1000", "x2"));
        assertTrue(few.getMessage().contains("Only 1 column") && few.fix().contains("prefix"), few.getMessage());
        ConfigError same = configureError(new FromColumnsNode(), params("wn_"), wide("wn_1000", "wn_1000.0", "wn_1002"));
        assertTrue(same.getMessage().contains("'wn_1000' and 'wn_1000.0'"), same.getMessage());
        Table withTarget = new Table(List.of(new NumericColumn("1", ColumnRole.FEATURE, new double[] {1}),
                new NumericColumn("2", ColumnRole.TARGET, new double[] {2}), new NumericColumn("3", ColumnRole.FEATURE, new double[] {3})));
        assertTrue(configureError(new FromColumnsNode(), params(""), withTarget).getMessage().contains("'2' is the target"));
        assertEquals("prefix", few.param());
    }

    @Test
    void aWideCsvRunsThroughDataCsvAndTheSpectrumBlocks(@TempDir Path dir) throws Exception {
        // three NIR spectra on 1100, 1102, …, 1118 nm, one per row; the smoothing below must act along each row
        StringBuilder csv = new StringBuilder("sample,density");
        for (int k = 0; k < 10; k++) {
            csv.append(",nm_").append(1100 + 2 * k);
        }
        csv.append('\n');
        for (int r = 0; r < 3; r++) {
            csv.append("s").append(r).append(',').append(1.3 + 0.01 * r);
            for (int k = 0; k < 10; k++) {
                csv.append(',').append(r + k * k);
            }
            csv.append('\n');
        }
        Files.writeString(dir.resolve("nir-wide.csv"), csv);
        Files.writeString(dir.resolve("wide.json"), """
                {"format": "anneal-workflow", "version": 1, "nodes": [
                 {"id": "load", "type": "data.csv", "params": {"path": "nir-wide.csv", "target": "density", "group": "sample"}},
                 {"id": "gather", "type": "spectra.from-columns", "params": {"prefix": "nm_", "axis": "wavelength-nm", "column": "nir"}},
                 {"id": "smooth", "type": "spectra.smooth", "params": {"column": "nir", "window": 5, "order": 2, "derivative": 0}}],
                 "links": [{"from": "load:table", "to": "gather:table"}, {"from": "gather:out", "to": "smooth:table"}]}
                """);
        SessionResult s;
        try (Executor ex = new Executor(MemoryCache.standard(), 1)) {
            WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), ex);
            s = session.run(session.check(new WorkflowCodec().read(dir.resolve("wide.json"))), SessionOptions.on(DeviceSelector.system().select("cpu")));
        }
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table out = (Table) s.run().node("smooth").outputs().get("out");
        TensorColumn nir = (TensorColumn) out.column("nir").orElseThrow();
        assertEquals(List.of("sample", "density", "nir"), out.spec(Lineage.UNSPLIT).names());
        assertEquals("wavelength", nir.shape().axis(0).name());
        assertEquals(1100, nir.shape().axis(0).start(), 0);
        // a quadratic is kept exactly by a second-order Savitzky–Golay filter: row 2 is 2 + k²
        float[] row = nir.get(2);
        for (int k = 0; k < 10; k++) {
            assertEquals(2 + k * k, row[k], 1e-4, "channel " + k);
        }
    }
}
