package org.anneal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a file with a line of millions of characters, too many columns or too many bytes is refused at once with the
 * line named; a number that is not finite (NaN, Infinity, 1e400) is a located error, never a value.
 */
class CsvBoundsTest {
    @TempDir
    Path dir;

    static final CsvReader.Options OPT = new CsvReader.Options(',', Set.of(""), Set.of());

    @Test
    void aLineLongerThanTheBoundIsALocatedError() throws Exception {
        Path f = Files.writeString(dir.resolve("long.csv"), "a,b,target\n1,2,3\n4,5," + "9".repeat(CsvBounds.MAX_LINE_BYTES + 10) + "\n");
        CsvProblem p = assertThrows(CsvProblem.class, () -> CsvReader.sniff(f, OPT));
        assertEquals(3, p.line());
        assertTrue(p.getMessage().startsWith("Line 3 is longer than 1,048,576 bytes"), p.getMessage());
    }

    @Test
    void aFileWithoutLineBreaksIsNamedAsSuch() throws Exception {
        Path f = Files.writeString(dir.resolve("flat.csv"), "x".repeat(3 * CsvBounds.MAX_LINE_BYTES));
        CsvProblem p = assertThrows(CsvProblem.class, () -> CsvReader.sniff(f, OPT));
        assertEquals(1, p.line());
        assertTrue(p.getMessage().contains("no line breaks"), p.getMessage());
    }

    @Test
    void ordinaryFilesAreUntouched() throws Exception {
        Path f = Files.writeString(dir.resolve("ok.csv"), "a,b\n1,2\n3,4\n");
        assertEquals(2, CsvReader.sniff(f, OPT).header().size());
    }

    @Test
    void nonFiniteNumbersAreLocatedErrorsOnBothReadersUnlessListedAsMissing() throws Exception {
        for (String cell : new String[] {"1e400", "-1e309", "Infinity", "-Infinity", "NaN", "+NaN"}) {
            Path f = Files.writeString(dir.resolve("nf.csv"), "a,b,target\n" + "1,2,3\n".repeat(30) + "4," + cell + ",6\n7,8,9\n");
            // NaN is not in this reader's missing list (the CSV node's default list has it, so there it is a missing value);
            // a word such as NaN or Infinity is already refused while the types are guessed, a number such as 1e400 when read
            CsvProblem p = assertThrows(CsvProblem.class, () -> CsvReader.read(f, OPT, CsvReader.sniff(f, OPT), java.util.Map.of(), () -> { }, x -> { }), cell);
            assertEquals(32, p.line(), cell);
            assertTrue(p.getMessage().startsWith("Line 32, column 'b': '" + cell + "' is not a"), p.getMessage());
            assertTrue(p.fix().contains("'missing' list"), p.fix());
            var listed = new CsvReader.Options(',', Set.of("", cell), Set.of());
            Table t = CsvReader.read(f, listed, CsvReader.sniff(f, listed), java.util.Map.of(), () -> { }, x -> { });
            assertEquals(1, t.numeric("b").missingCount(), "listed under missing, " + cell + " is a missing value as an empty cell is");
        }
    }

    @Test
    void tooManyColumnsOrBytesAreRefusedWithTheCapAndHowToRaiseIt() throws Exception {
        Path wide = Files.writeString(dir.resolve("wide.csv"), java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "c" + i).collect(java.util.stream.Collectors.joining(",")) + "\n" + "1,".repeat(19) + "1\n");
        Path big = Files.writeString(dir.resolve("big.csv"), "a,b\n" + "1,2\n".repeat(300_000)); // 1.2 MB
        String cols = System.getProperty(CsvBounds.MAX_COLUMNS_PROPERTY);
        String bytes = System.getProperty(CsvBounds.MAX_MEBIBYTES_PROPERTY);
        try {
            System.setProperty(CsvBounds.MAX_COLUMNS_PROPERTY, "10");
            System.setProperty(CsvBounds.MAX_MEBIBYTES_PROPERTY, "1");
            CsvProblem p = assertThrows(CsvProblem.class, () -> CsvReader.sniff(wide, OPT));
            assertEquals(1, p.line());
            assertEquals("Line 1 has 20 columns; CSV files are read with up to 10.", p.getMessage());
            assertTrue(p.fix().contains("-Danneal.csv.maxColumns=N"), p.fix());
            p = assertThrows(CsvProblem.class, () -> CsvReader.sniff(big, OPT));
            assertEquals("The file is 1 MiB; CSV files are read up to 1 MiB.", p.getMessage());
            System.setProperty(CsvBounds.MAX_MEBIBYTES_PROPERTY, "many");
            p = assertThrows(CsvProblem.class, () -> CsvReader.sniff(big, OPT));
            assertTrue(p.getMessage().contains("anneal.csv.maxMegabytes='many' is not a positive whole number"), p.getMessage());
            System.clearProperty(CsvBounds.MAX_COLUMNS_PROPERTY);
            System.clearProperty(CsvBounds.MAX_MEBIBYTES_PROPERTY);
            assertEquals(20, CsvReader.sniff(wide, OPT).header().size(), "the defaults are generous");
            assertEquals(2, CsvReader.sniff(big, OPT).header().size());
        } finally {
            restore(CsvBounds.MAX_COLUMNS_PROPERTY, cols);
            restore(CsvBounds.MAX_MEBIBYTES_PROPERTY, bytes);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
