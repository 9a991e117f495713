package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

class SpectraNodeTest {
    static final Path EMSA = Path.of("../datasets/spectra/emsa");

    @TempDir
    Path dir;

    static SpectraNode.Params params(String path, AxisKind axis, String labels, String target, String group) {
        return new SpectraNode.Params(path, "*.{csv,txt,xy,dat,msa,ems,emsa}", axis, "spectrum", labels, target, group);
    }

    Table run(SpectraNode.Params p, Path base) throws Exception {
        return (Table) new SpectraNode().execute(new Inputs(Map.of()), p, new StandaloneContext("load", 42, base)).get("table");
    }

    ConfigError configureError(SpectraNode.Params p) {
        return assertThrows(ConfigError.class, () -> new SpectraNode().configure(Specs.of(Map.of()), p, new StandaloneContext("load", 42, dir)));
    }

    @Test
    void readsTheEmsaExampleSpectraWithTheHeaderGrid() throws Exception {
        // the XY example lists 21 points on uneven steps under NPOINTS 20 and XPERCHAN 3.1: its x column is the grid
        SpectrumFile xy = SpectrumFile.readEmsa(EMSA.resolve("example1.msa"), "energy");
        assertEquals(21, xy.axis().size());
        assertEquals("eV", xy.axis().unit());
        assertEquals(520.13, xy.axis().value(0));
        assertEquals(565.79, xy.axis().value(15));
        assertEquals(580.50, xy.axis().value(20));
        assertEquals(4066f, xy.intensity()[0]);
        assertEquals(4217f, xy.intensity()[20]);
        SpectrumFile y = SpectrumFile.readEmsa(EMSA.resolve("example2.msa"), "energy");
        assertEquals(Axis.regular("energy", 80, "eV", 200, 10), y.axis());
        assertEquals(65.820f, y.intensity()[0]);
        assertEquals(389.54f, y.intensity()[31]);
        assertEquals(49.442f, y.intensity()[79]);
    }

    @Test
    void twoEmsaFilesOnDifferentGridsAreAConfigureErrorProposingResampling() {
        ConfigError e = configureError(params(EMSA.toAbsolutePath().toString(), AxisKind.ENERGY_EV, "", "", ""));
        assertTrue(e.getMessage().contains("example2.msa") && e.getMessage().contains("example1.msa"), e.getMessage());
        assertTrue(e.fix().contains("spectra.resample"), e.fix());
        assertEquals("path", e.param());
    }

    @Test
    void aFolderOfTwoColumnFilesWithLabelsBecomesOneRowPerSpectrum() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "two_theta,intensity\n20,1\n20.5,2\n21,3\n");
        Files.writeString(dir.resolve("b.csv"), "# diffractometer B\n20 4\n20.5 5\n21 6\n");
        Files.writeString(dir.resolve("labels.csv"), "file,phase,sample\nb.csv,rutile,s2\na.csv,anatase,s1\n");
        SpectraNode.Params p = params(".", AxisKind.TWO_THETA, "labels.csv", "phase", "sample");
        TableSpec spec = new SpectraNode().configure(Specs.of(Map.of()), p, new StandaloneContext("load", 42, dir)).get("table") instanceof TableSpec ts ? ts : null;
        assertEquals(java.util.List.of("file", "spectrum", "phase", "sample"), spec.names());
        Table t = run(p, dir);
        assertEquals(spec.columns(), t.spec(spec.lineage()).columns(), "configure promises what execute delivers");
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        assertEquals(Axis.regular("2θ", 3, "°", 20, 0.5), s.shape().axis(0));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, s.values());
        CategoricalColumn phase = (CategoricalColumn) t.column("phase").orElseThrow();
        assertEquals("anatase", phase.get(0));
        assertEquals("rutile", phase.get(1));
        assertEquals(ColumnRole.TARGET, phase.role());
        assertEquals(ColumnRole.GROUP, t.column("sample").orElseThrow().role());
    }

    @Test
    void anUnevenAxisIsKeptValueByValue() throws Exception {
        Files.writeString(dir.resolve("raman.txt"), "100\t7\n101\t8\n103\t9\n");
        TensorColumn s = (TensorColumn) run(params("raman.txt", AxisKind.WAVENUMBER, "", "", ""), dir).column("spectrum").orElseThrow();
        assertArrayEquals(new double[] {100, 101, 103}, s.shape().axis(0).values());
        assertEquals("cm⁻¹", s.shape().axis(0).unit());
    }

    @Test
    void badLinesAreNamedByFileAndLine() throws IOException {
        assertLocated("x.csv", "1,2\n2,3,4\n", "x.csv, line 2", "two columns");
        assertLocated("x.csv", "1,2\n2,abc\n", "x.csv, line 2", "'abc' is not a finite number");
        assertLocated("x.csv", "1,2\n3,3\n2,4\n", "x.csv, line 3", "does not increase");
        assertLocated("x.msa", "#FORMAT : EMSA\n#NPOINTS : 2\n#OFFSET : 0\n#SPECTRUM :\n1, 2\n#ENDOFDATA :\n", "x.msa", "no XPERCHAN");
        assertLocated("x.msa", "#NPOINTS : 3\n#OFFSET : 0\n#XPERCHAN : 1\n#SPECTRUM :\n1, 2\n#ENDOFDATA :\n", "x.msa, line 4", "NPOINTS says 3");
        assertLocated("x.msa", "#NPOINTS : 2\n#OFFSET : 0\n#XPERCHAN : 1\n#DATATYPE : XY\n#SPECTRUM :\n1, 2\n\n1, 3\n#ENDOFDATA :\n", "x.msa, line 8",
                "does not increase");
        assertLocated("x.msa", "#NPOINTS : 2\n#OFFSET : 0\n#XPERCHAN : 1\n#SPECTRUM :\n1, 2\n", "x.msa", "without '#ENDOFDATA'");
    }

    @Test
    void aSpectrumWithoutALabelRowIsNamed() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "1,1\n2,2\n");
        Files.writeString(dir.resolve("c.csv"), "1,1\n2,2\n");
        Files.writeString(dir.resolve("labels.csv"), "file,phase\na.csv,anatase\n");
        ConfigError e = configureError(params(".", AxisKind.TWO_THETA, "labels.csv", "phase", ""));
        assertTrue(e.getMessage().contains("'c.csv'"), e.getMessage());
        assertEquals("labels", e.param());
    }

    private void assertLocated(String name, String content, String where, String what) throws IOException {
        Path sub = Files.createTempDirectory(dir, "case");
        Files.writeString(sub.resolve(name), content);
        ConfigError e = configureError(params(sub.resolve(name).toString(), AxisKind.ENERGY_EV, "", "", ""));
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }
}
