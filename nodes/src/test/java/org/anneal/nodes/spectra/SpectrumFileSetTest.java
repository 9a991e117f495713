package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of spectra is read on all cores in file order, once for a run's configure and execute, again when a file changes. */
class SpectrumFileSetTest {
    @TempDir
    Path dir;

    List<Path> write(int count) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            StringBuilder s = new StringBuilder("energy,counts\n");
            for (int i = 0; i < 50; i++) {
                s.append(100 + 10 * i).append(',').append(f * 1000 + i).append('\n');
            }
            Path p = dir.resolve(String.format("s%02d.csv", f));
            Files.writeString(p, s);
            files.add(p);
        }
        return files;
    }

    @Test
    void theSameUnchangedFilesAreReadOnceAndAChangedFileAgain() throws Exception {
        List<Path> files = write(40);
        SpectrumFileSet first = SpectrumFileSet.read(files, "energy", "eV", null);
        SpectrumFileSet again = SpectrumFileSet.read(files, "energy", "eV", null);
        for (int i = 0; i < files.size(); i++) {
            assertEquals(i * 1000 + 7, first.get(i).get(0).intensity()[7], "file order: " + i);
            assertSame(first.get(i), again.get(i), "taken from the last read");
        }
        Files.writeString(files.get(3), "energy,counts\n100,5\n110,6\n");
        SpectrumFileSet changed = SpectrumFileSet.read(files, "energy", "eV", null);
        assertArrayEquals(new float[] {5, 6}, changed.get(3).get(0).intensity());
        assertNotSame(first.get(4), changed.get(4));
        assertNotSame(first.get(4), SpectrumFileSet.read(files, "energy", "keV", null).get(4), "another unit is another read");
    }

    @Test
    void theFirstBadFileInOrderIsTheErrorWhateverTheThreads() throws Exception {
        write(40);
        Files.writeString(dir.resolve("s33.csv"), "1,2\n1,3\n");
        Files.writeString(dir.resolve("s07.csv"), "1,2\n2,x\n");
        Files.writeString(dir.resolve("s20.csv"), "0,1\n1,2\n"); // another grid, but after the bad file
        var p = new SpectraNode.Params(".", "*.csv", AxisKind.ENERGY_EV, "spectrum", "", "", "");
        for (int threads : new int[] {1, 2, 4}) {
            ConfigError e = assertThrows(ConfigError.class, () -> SpectrumRows.withThreads(threads,
                    () -> new SpectraNode().configure(Specs.of(Map.of()), p, new StandaloneContext("load", 1, dir))));
            assertEquals("s07.csv, line 2: the intensity 'x' is not a finite number", e.getMessage().replaceAll("^.*?(s07)", "$1"));
        }
        Files.writeString(dir.resolve("s07.csv"), Files.readString(dir.resolve("s08.csv")));
        for (int threads : new int[] {1, 2}) {
            ConfigError e = assertThrows(ConfigError.class, () -> SpectrumRows.withThreads(threads,
                    () -> new SpectraNode().configure(Specs.of(Map.of()), p, new StandaloneContext("load", 1, dir))));
            assertTrue(e.getMessage().startsWith("'s20.csv' is on the grid"), e.getMessage());
        }
        Files.writeString(dir.resolve("s20.csv"), Files.readString(dir.resolve("s08.csv")));
        Files.writeString(dir.resolve("s33.csv"), Files.readString(dir.resolve("s08.csv")));
        Table t = (Table) new SpectraNode().execute(new Inputs(Map.of()), p, new StandaloneContext("load", 1, dir)).get("table");
        assertEquals(40, t.rowCount());
        assertEquals(39 * 1000 + 49, ((TensorColumn) t.column("spectrum").orElseThrow()).values()[40 * 50 - 1]);
    }
}
