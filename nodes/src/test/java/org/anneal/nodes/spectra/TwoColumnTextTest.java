package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level two-column reader gives what the line-by-line reader gives, number for number and error for error. */
class TwoColumnTextTest {
    @TempDir
    Path dir;

    /** Both readers on the same text: the same axis and intensity bits, or the same located error. */
    private void sameAsLineReader(String text, boolean fast) throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, text, StandardCharsets.ISO_8859_1);
        assertEquals(fast, TwoColumnText.points(text.getBytes(StandardCharsets.ISO_8859_1)) != null, "fast path taken: " + text);
        String expected;
        try {
            SpectrumFile s = SpectrumFile.readTwoColumnByLine(f, "energy", "eV");
            expected = s.axis() + " " + java.util.Arrays.toString(s.intensity());
        } catch (SpectrumProblem e) {
            expected = "problem: " + e.getMessage();
        }
        String actual;
        try {
            SpectrumFile s = SpectrumFile.readTwoColumn(f, "energy", "eV");
            actual = s.axis() + " " + java.util.Arrays.toString(s.intensity());
        } catch (SpectrumProblem e) {
            actual = "problem: " + e.getMessage();
        }
        assertEquals(expected, actual, text);
    }

    @Test
    void usualLayoutsTakeTheFastPath() throws Exception {
        sameAsLineReader("energy_ev,counts\n0,1.5\n10,2.25\n20,3\n", true);
        sameAsLineReader("# exported\r\n2theta;intensity\r\n10.0;100\r\n10.5;101.5\r\n\r\n11.0;99\r\n", true);
        sameAsLineReader("  1\t 5e2\n2 \t 6.5E-1  \n3\t\t-0.0\n# end\n", true);
        sameAsLineReader("x y\nwavenumber counts\n.5 +7\n1. 8\n1.5 0.000123456789012345\n", true);
        sameAsLineReader("100 , 3\n200 ,\t4\n300\t; 5\n", true);
        sameAsLineReader("1,123456789012345678901234\n2,1e-30\n3,4.9e-324\n4,1.7976931348623157e308\n", true);
    }

    @Test
    void anythingElseGoesToTheLineReaderWithItsLocatedError() throws Exception {
        sameAsLineReader("x,y\n1,2,3\n", false);
        sameAsLineReader("1,2\n1,3\n", false);
        sameAsLineReader("1,2\n2,NaN\n", false);
        sameAsLineReader("1,2\n2,abc\n", false);
        sameAsLineReader("1,2,\n2,3,\n", false);
        sameAsLineReader(",1,2\n2,3\n", true); // the line reader's first cell is empty, not a number: a header
        sameAsLineReader("1,,2\n", false);
        sameAsLineReader("1,2\nx,y\n3,4\n", false);
        sameAsLineReader("# only a comment\n", false);
        sameAsLineReader("1,2\n2,3f\n", false);
        sameAsLineReader("0x10,2\n0x11,3\n", false);
        sameAsLineReader("1,2\n2,1e99999999\n", false);
        sameAsLineReader("\u001c1,2\n2,3\n", false);
    }

    @Test
    void numbersAreTheDoublesParseDoubleGives() {
        Random r = new Random(11);
        StringBuilder text = new StringBuilder();
        double[] expected = new double[20000];
        for (int i = 0; i < expected.length; i++) {
            String s = switch (i % 5) {
                case 0 -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
                case 1 -> String.format(Locale.ROOT, "%.6f", r.nextDouble() * 1000);
                case 2 -> String.format(Locale.ROOT, "%.3e", r.nextGaussian() * 1e5);
                case 3 -> Long.toString(r.nextLong() >> r.nextInt(64));
                default -> String.format(Locale.ROOT, "%." + r.nextInt(20) + "f", r.nextDouble() * Math.pow(10, r.nextInt(12)));
            };
            expected[i] = Double.parseDouble(s);
            text.append(i).append(',').append(s).append('\n');
        }
        double[][] points = TwoColumnText.points(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertNotNull(points);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(points[1][i]), "value " + i + ": " + expected[i]);
        }
        assertArrayEquals(java.util.stream.IntStream.range(0, expected.length).asDoubleStream().toArray(), points[0]);
        assertNull(TwoColumnText.points("".getBytes(StandardCharsets.ISO_8859_1)), "no data: the line reader says so");
    }

    /** An EMSA file of the given data lines, DATATYPE Y, NPOINTS = count. */
    private Path emsa(String data, int count) throws Exception {
        Path f = dir.resolve("e.msa");
        Files.writeString(f, "#FORMAT : EMSA/MAS Spectral Data File\n#NPOINTS : " + count + "\n#XPERCHAN : 10\n#OFFSET : 0\n#DATATYPE : Y\n"
                + "#SPECTRUM : data follow\n" + data + "#ENDOFDATA :\n", StandardCharsets.ISO_8859_1);
        return f;
    }

    @Test
    void emsaCellsAreParsedInPlaceToTheSameNumbersAndErrors() throws Exception {
        Random r = new Random(5);
        StringBuilder data = new StringBuilder();
        String[] separators = {", ", ",", " ", "\t", " ; ", ",\t"};
        float[] expected = new float[3000];
        for (int i = 0; i < expected.length; i++) {
            String v = i % 3 == 0 ? Double.toString(r.nextGaussian() * 1e4) : String.format(Locale.ROOT, "%." + r.nextInt(6) + "f", r.nextDouble() * 5e4);
            expected[i] = (float) Double.parseDouble(v);
            data.append(v).append(i % 5 == 4 ? "\n" : separators[r.nextInt(separators.length)]);
        }
        assertArrayEquals(expected, SpectrumFile.readEmsa(emsa(data.toString(), expected.length), "energy").intensity());
        for (String bad : new String[] {"1.2.3", "1e999", "NaN", "-", "2x"}) {
            SpectrumProblem e = org.junit.jupiter.api.Assertions.assertThrows(SpectrumProblem.class,
                    () -> SpectrumFile.readEmsa(emsa("1, 2, 3\n4, " + bad + ", 6\n", 6), "energy"));
            assertEquals("e.msa, line 8: the value '" + bad + "' is not a finite number", e.getMessage().replaceAll("^.*?(e\\.msa)", "$1"), bad);
        }
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, SpectrumFile.readEmsa(emsa(" 1,2 ,3;\n\t4  5,, 6\n", 6), "energy").intensity(),
                "blank, comma and semicolon runs separate cells; empty cells are dropped, as before");
        assertArrayEquals(new float[] {1.5f, 2}, SpectrumFile.readEmsa(emsa("+1.5 2.\n", 2), "energy").intensity());
    }
}
