package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.spectra on text files of several spectra side by side: one row per intensity column, named by the header. */
class MultiColumnSpectraTest {
    @TempDir
    Path dir;

    SpectraNode.Params params(String path, String labels, String target) {
        return new SpectraNode.Params(path, "*.{csv,txt}", AxisKind.WAVENUMBER, "spectrum", labels, target, "");
    }

    Table run(SpectraNode.Params p) throws Exception {
        TableSpec promised = (TableSpec) new SpectraNode().configure(Specs.of(Map.of()), p, new StandaloneContext("load", 1, dir)).get("table");
        Table t = (Table) new SpectraNode().execute(new Inputs(Map.of()), p, new StandaloneContext("load", 1, dir)).get("table");
        assertEquals(promised.columns(), t.spec(promised.lineage()).columns(), "configure promises what execute delivers");
        return t;
    }

    @Test
    void eachColumnIsASpectrumNamedByItsHeaderAndLabelledByFileAndName() throws Exception {
        Files.writeString(dir.resolve("series.csv"), "# FTIR, three films\nwavenumber,A1,A2,B1\n1000,1,10,100\n1002,2,20,200\n1004,3,30,300\n");
        Files.writeString(dir.resolve("single.txt"), "1000\t7\n1002\t8\n1004\t9\n");
        Files.writeString(dir.resolve("labels.csv"), "file,thickness\nseries.csv:A1,1.0\nseries.csv:A2,2.0\nseries.csv:B1,3.0\nsingle.txt,4.0\n");
        Table t = run(params(".", "labels.csv", "thickness"));
        CategoricalColumn file = (CategoricalColumn) t.column("file").orElseThrow();
        assertEquals(List.of("series.csv:A1", "series.csv:A2", "series.csv:B1", "single.txt"),
                java.util.stream.IntStream.range(0, 4).mapToObj(file::get).toList());
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        assertEquals(Axis.regular("wavenumber", 3, "cm⁻¹", 1000, 2), s.shape().axis(0));
        assertArrayEquals(new float[] {1, 2, 3, 10, 20, 30, 100, 200, 300, 7, 8, 9}, s.values());
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.numeric("thickness").values());
        assertEquals(ColumnRole.TARGET, t.column("thickness").orElseThrow().role());
    }

    @Test
    void withoutAHeaderTheColumnsAreNumbered() throws Exception {
        Files.writeString(dir.resolve("series.txt"), "1 5 6\n2 5 7\n3 5 8\n");
        CategoricalColumn file = (CategoricalColumn) run(params("series.txt", "", "")).column("file").orElseThrow();
        assertEquals("series.txt:column 2", file.get(0));
        assertEquals("series.txt:column 3", file.get(1));
    }

    @Test
    void badLinesAreLocatedAndSayWhatToDo() throws Exception {
        assertLocated("wavenumber,A1,A2\n1,2,3\n2,3\n", "line 3", "expected 3 columns");
        assertLocated("wavenumber,A1\n1,2,3\n2,3,4\n", "line 2", "the header names 2 columns");
        assertLocated("x,A1,A2\n1,2,3\n1,3,4\n", "line 3", "does not increase");
        assertLocated("x,A1,A2\n1,2,3\n2,n/a,4\n", "line 3", "'n/a' is not a finite number");
        assertLocated("x,A,A\n1,2,3\n2,3,4\n", "m.csv", "names two spectra 'A'");
    }

    private void assertLocated(String content, String where, String what) throws Exception {
        Path sub = Files.createTempDirectory(dir, "case");
        Files.writeString(sub.resolve("m.csv"), content);
        ConfigError e = assertThrows(ConfigError.class, () -> new SpectraNode().configure(Specs.of(Map.of()), params(sub.resolve("m.csv").toString(), "", ""),
                new StandaloneContext("load", 1, dir)));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
        assertTrue(!e.fix().isEmpty(), "a fix is proposed");
        assertEquals("path", e.param());
    }
}
