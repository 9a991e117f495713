package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made JCAMP-DX files; the ASDF examples are those of the JCAMP-DX 4.24 paper (McDonald and Wilks 1988, table 2). */
class JcampFileTest {
    @TempDir
    Path dir;

    static final String HEAD = "##TITLE=test\n##JCAMP-DX=4.24 $$ a comment\n##DATA TYPE=INFRARED SPECTRUM\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n";

    SpectrumFile read(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return SpectrumFile.read(f, "wavenumber", "");
    }

    static String xydata(String first, String last, int n, String yfactor, String lines) {
        return HEAD + "##XFACTOR=1\n##YFACTOR=" + yfactor + "\n##FIRSTX=" + first + "\n##LASTX=" + last + "\n##NPOINTS=" + n
                + "\n##XYDATA=(X++(Y..Y))\n" + lines + "##END=\n";
    }

    static final float[] EXPECTED = {1, 2, 3, 3, 2, 1, 0, -1, -2, -3};

    @Test
    void everyAsdfFormOfThePaperGivesTheSameOrdinates() throws Exception {
        String[] forms = {"0 1 2 3 3 2 1 0 -1 -2 -3", "0+1+2+3+3+2+1+0-1-2-3", "0ABCCBA@abc", "0AJJ%jjjjjj", "0AJT%jX"};
        for (String form : forms) {
            SpectrumFile s = read("f.jdx", xydata("0", "9", 10, "1", form + "\n"));
            assertArrayEquals(EXPECTED, s.intensity(), form);
            assertEquals("10 ch · 0–9 cm⁻¹", org.anneal.spec.Shape.spectrum(s.axis()).describe(), form);
        }
    }

    @Test
    void difLinesRepeatTheirLastOrdinateAsACheckValueThatIsDropped() throws Exception {
        // y = 2 3 3 2 1 | 0 -1 -2 -3, the second line opening with the check value 1; YFACTOR halves them
        SpectrumFile s = read("dif.dx", xydata("100", "108", 9, "0.5", "100BJ%jj\n104AjjU\n"));
        assertArrayEquals(new float[] {1, 1.5f, 1.5f, 1, 0.5f, 0, -0.5f, -1, -1.5f}, s.intensity());
        assertEquals(100, s.axis().start());
        assertEquals(1, s.axis().step(), 1e-12);
        SpectrumProblem e = assertThrows(SpectrumProblem.class, () -> read("bad.dx", xydata("100", "108", 9, "1", "100BJ%jj\n104BjjU\n")));
        assertEquals("bad.dx, line 13: the Y check value 2.0 differs from the last value 1.0 of the line before", e.getMessage());
    }

    @Test
    void aSpectrumStoredFromHighToLowWavenumberIsTurnedRound() throws Exception {
        SpectrumFile s = read("ir.jdx", xydata("4000", "3991", 10, "0.001", "4000 1000 2000 3000 4000 5000\n3995 6000 7000 8000 9000 10000\n"));
        assertEquals(3991, s.axis().start());
        assertEquals(1, s.axis().step(), 1e-12);
        assertArrayEquals(new float[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, s.intensity(), 1e-6f);
    }

    @Test
    void xyPointsPairsWithFactors() throws Exception {
        SpectrumFile s = read("p.jdx", HEAD + "##XFACTOR=0.1\n##YFACTOR=2\n##NPOINTS=3\n##XYPOINTS=(XY..XY)\n10, 5; 20, 6\n35, 7\n##END=\n");
        assertArrayEquals(new double[] {1, 2, 3.5}, s.axis().values(), 1e-12);
        assertArrayEquals(new float[] {10, 12, 14}, s.intensity());
    }

    @Test
    void damagedFilesAreLocated() throws Exception {
        SpectrumProblem e = assertThrows(SpectrumProblem.class, () -> read("n.jdx", xydata("0", "9", 11, "1", "0ABCCBA@abc\n")));
        assertEquals("n.jdx, line 12: NPOINTS says 11 points, XYDATA holds 10", e.getMessage());
        e = assertThrows(SpectrumProblem.class, () -> read("c.jdx", xydata("0", "9", 10, "1", "0ABC#CBA@abc\n")));
        assertEquals("c.jdx, line 12: the character '#' at column 5 is not part of any ASDF form", e.getMessage());
        e = assertThrows(SpectrumProblem.class, () -> read("h.jdx", HEAD + "##NPOINTS=3\n##XYDATA=(X++(Y..Y))\n0 1 2 3\n##END=\n"));
        assertTrue(e.getMessage().startsWith("h.jdx: the JCAMP-DX header has no ##FIRSTX"), e.getMessage());
        e = assertThrows(SpectrumProblem.class, () -> read("b.jdx", "##TITLE=x\n##BLOCKS=2\n"));
        assertEquals("b.jdx, line 2: a compound JCAMP-DX file (BLOCKS)", e.getMessage());
    }
}
