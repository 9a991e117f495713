package org.anneal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast reader against the Jackson reader it replaces: same table, or it hands the file back. */
class CsvFastReaderTest {
    static final CsvReader.Options OPT = new CsvReader.Options((char) 0, Set.of("", "NA", "N/A", "NaN", "nan", "null", "?", "-999"), Set.of());
    static final Map<String, ColumnRole> ROLES = Map.of("y", ColumnRole.TARGET);

    @TempDir
    Path dir;

    Path write(byte[] bytes) throws Exception {
        Path f = Files.createTempFile(dir, "t", ".csv");
        Files.write(f, bytes);
        return f;
    }

    /** Files the fast reader must handle itself, each giving the same table as Jackson. */
    @Test
    void trickyFilesGiveTheSameTableAsJackson() throws Exception {
        String[] files = {
            "x,y\n1,2\n3,4\n",
            "x,y\r\n1,2\r\n3,4\r\n",
            "x,y\n1,2\n3,4", // no final newline
            "x,y\n\n1,2\n   \n\n3,4\n\n", // empty and blank lines
            "\uFEFFx,y\n1,2\n",
            "name,y\n\"Smith, J.\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n  \"spaced\"  ,4\n",
            "\"x\",\"y\"\n\"1.5\",\" 2\"\n",
            "x;y\n1,5;-0,25\n-3;1e3\n",
            "x,y\n1e5,1E-5\n-0,+3\n.5,5.\n0.000,-0.0\n1e308,1e-308\n4.9e-324,1e-400\n",
            "x,y\n12345678901234567890,0.1234567890123456789\n9007199254740993,123456789012345678e-30\n",
            "x,y\nNA,1\n?,-999\n,null\n  NaN ,2\n",
            "x,y\n Infinity,-1\n1d,2f\n0x1p3,1\n",
            "x,y,z\n1,2,\n3,4,\n",
            "x\ty\n 1 \t 2 \n",
            "site,y\nAlpha,1\nbeta,2\nAlpha,3\nNA,4\n\"\",5\n",
            "temp,y\n°C,kg\n20,1\n21,2\n",
            "x,y\n1,2\n3,4\n\n\n",
        };
        int i = 0;
        for (String text : files) {
            Charset cs = i++ % 3 == 2 ? CsvDialect.WINDOWS_1252 : StandardCharsets.UTF_8;
            Path f = write(text.getBytes(cs));
            CsvReader.Options o = text.startsWith("temp") ? new CsvReader.Options((char) 0, OPT.missing(), Set.of(), (char) 0, CsvReader.UnitsRow.AUTO, cs)
                    : new CsvReader.Options((char) 0, OPT.missing(), Set.of(), (char) 0, CsvReader.UnitsRow.NONE, cs);
            CsvFormat fmt = CsvReader.sniff(f, o);
            Table jackson = CsvReader.readWithJackson(f, o, fmt, ROLES, () -> { }, x -> { });
            for (int buffer : new int[] {1 << 20, 1, 2, 3, 5, 8}) { // records cross the buffer's end everywhere
                Table fast = CsvFastReader.read(f, o, fmt, ROLES, () -> { }, x -> { }, buffer);
                assertNotNull(fast, text);
                assertSame(jackson, fast, buffer + " " + text);
            }
        }
    }

    /** Issue 14: a non-finite number is never stored; the fast reader hands the file back and Jackson words the located error. */
    @Test
    void nonFiniteNumbersAreHandedBackToTheLocatedError() throws Exception {
        for (String cell : new String[] {"1e400", "-Infinity", "+NaN"}) {
            Path f = write(("x,y\n1,2\n3," + cell + "\n").getBytes(StandardCharsets.UTF_8));
            CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
            assertNull(CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }, 1 << 20), cell);
            CsvProblem p = assertThrows(CsvProblem.class, () -> CsvReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }), cell);
            assertEquals(3, p.line(), cell);
        }
    }

    /** Latin-1 bytes read as UTF-8 (the encoding set by hand): both readers replace what does not decode the same way. */
    @Test
    void malformedUtf8GivesTheSameCategories() throws Exception {
        byte[] bytes = {'x', ',', 'n', 'a', 'm', 'e', ',', 'y', '\n', '1', ',', 'c', 'a', 'f', (byte) 0xE9, ',', '1', '\n', '2', ',', (byte) 0xE2, (byte) 0x82, ',', '2', '\n',
            '3', ',', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, ',', '3', '\n', '4', ',', 'o', 'k', (byte) 0xC3, ',', '4', '\n', '5', ',', (byte) 0xED, (byte) 0xA0, (byte) 0x80, ',', '5', '\n',
            '6', ',', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, 'z', ',', '6', '\n'};
        Path f = write(bytes);
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC);
        Table fast = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { });
        assertNotNull(fast);
        assertSame(CsvReader.readWithJackson(f, OPT, fmt, ROLES, () -> { }, x -> { }), fast, "malformed UTF-8");
    }

    /** Jackson collects a cell in segments of a few hundred chars; cells around their ends must come out whole. */
    @Test
    void longCellsGiveTheSameTableAsJackson() throws Exception {
        StringBuilder sb = new StringBuilder("x,name,y\n");
        for (int len = 120; len < 1300; len += 7) {
            sb.append(len).append(',').append("ab".repeat(len).substring(len)).append(len % 3 == 0 ? "\t" : "").append(',').append("1".repeat(len % 40 + 1)).append('\n');
        }
        Path f = write(sb.toString().getBytes(StandardCharsets.UTF_8));
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC);
        Table jackson = CsvReader.readWithJackson(f, OPT, fmt, ROLES, () -> { }, x -> { });
        Table fast = CsvReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { });
        assertSame(jackson, fast, "long cells");
        sb.setLength(0);
        sb.append("x,name,y\n");
        for (int len = 120; len < 1300; len += 7) { // without trailing blanks the fast reader keeps them
            sb.append(len).append(',').append("ab".repeat(len).substring(len)).append(',').append(len).append('\n');
        }
        f = write(sb.toString().getBytes(StandardCharsets.UTF_8));
        fast = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { });
        assertNotNull(fast);
        assertSame(CsvReader.readWithJackson(f, OPT, fmt, ROLES, () -> { }, x -> { }), fast, "long cells");
    }

    @Test
    void problemsGoBackToJacksonWhichLocatesThem() throws Exception {
        String[] bad = {"x,y\n1,2\n3,\"4\n", "x,y\n1,2\n3,4,5\n", "x,y\n1,2\n3,\"4\"z\n", "x,y\n1,2\n3,a\"b\n", "x,y\n1,2\n3,\"\n"};
        for (String text : bad) {
            Path f = write(text.getBytes(StandardCharsets.UTF_8));
            CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
            assertNull(CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }), text);
        }
        Path f = write("x,y\n1,2\n3,4\n5,six\n".getBytes(StandardCharsets.UTF_8));
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
        var e = assertThrows(CsvProblem.class, () -> CsvReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("Line 4, column 'y': 'six' is not a number"), e.getMessage());
    }

    @Test
    void utf16GoesToJackson() throws Exception {
        Path f = write("x,y\n1,2\n".getBytes(StandardCharsets.UTF_16));
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_16, ColumnType.NUMERIC, ColumnType.NUMERIC);
        assertNull(CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }));
        assertEquals(2.0, CsvReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }).numeric("y").get(0));
    }

    @Test
    void cancellationStopsTheFastRead() throws Exception {
        Path f = write(("x,y\n" + "1,2\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
        List<Double> progress = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> CsvFastReader.read(f, OPT, fmt, ROLES, () -> {
            throw new IllegalStateException("cancelled");
        }, progress::add));
        Table t = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, progress::add);
        assertEquals(10_000, t.rowCount());
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertTrue(progress.size() > 2, "progress reported while reading");
    }

    /**
     * Random files from the pieces that trip CSV readers up. Whenever the fast reader returns a table, Jackson must
     * have read the same table; most files must not be handed back, or this would test nothing.
     */
    @Test
    void randomFilesAgreeWithJackson() throws Exception {
        String[] cells = {"1", "-0", "1.5", "1,5", "1e5", "1E-3", ".5", "5.", "+3", "NaN", "Infinity", "0x1p3", "1d", "12345678901234567890",
            "1e400", "4.9e-324", "NA", "", "?", "-999", "abc", "µm", "é", " 7 ", "\t8", "\"x\"", "\"a\"\"b\"", "\"1,5\"", "\"2;5\"", "\" 2 \"",
            "\"x\" ", "\"x\"y", "\"multi\nline\"", "\"cr\r\nlf\"", "a\"b", "\"", "x".repeat(140) + " ", "y".repeat(140)};
        String[] ends = {"\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n  \n", "\n\t\n"};
        Random r = new Random(42);
        int handled = 0;
        int runs = Integer.getInteger("fuzz.runs", 1500);
        for (int run = 0; run < runs; run++) {
            char sep = ",;\t".charAt(r.nextInt(3));
            boolean comma = sep != ',' && r.nextBoolean();
            boolean units = r.nextInt(4) == 0;
            Charset cs = r.nextBoolean() ? StandardCharsets.UTF_8 : CsvDialect.WINDOWS_1252;
            StringBuilder sb = new StringBuilder(r.nextInt(5) == 0 && cs == StandardCharsets.UTF_8 ? "\uFEFF" : "");
            sb.append("x").append(sep).append("name").append(sep).append("y").append(ends[r.nextInt(ends.length)]);
            int rows = 1 + r.nextInt(6);
            for (int i = 0; i < rows; i++) {
                int width = r.nextInt(12) == 0 ? 2 + r.nextInt(3) : 3;
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        sb.append(sep);
                    }
                    // mostly numbers in x and y, so that many files are readable
                    sb.append(c != 1 && r.nextInt(8) > 0 ? Integer.toString(r.nextInt(100) - 50) + (comma ? "," : ".") + r.nextInt(100) : cells[r.nextInt(cells.length)]);
                }
                if (i < rows - 1 || r.nextBoolean()) {
                    sb.append(ends[r.nextInt(ends.length)]);
                }
            }
            Path f = write(sb.toString().getBytes(cs));
            CsvFormat fmt = format(sep, comma, units, cs, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC);
            Table fast = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }, 1 + r.nextInt(run % 2 == 0 ? 1 << 20 : 9));
            if (fast == null) {
                continue;
            }
            handled++;
            try {
                assertSame(CsvReader.readWithJackson(f, OPT, fmt, ROLES, () -> { }, x -> { }), fast, sb.toString());
            } catch (CsvProblem e) {
                fail("the fast reader read a file Jackson rejects (" + e.getMessage() + "):\n" + sb);
            }
        }
        assertTrue(handled > runs / 4, "fast reader handled only " + handled + " of " + runs);
    }

    /**
     * Files of numbers only, under the default missing tokens: most records take the one-pass path for plain numbers,
     * the others (exponents, blanks, missing cells, quotes, long numbers, CR LF, odd widths) the general one, record by
     * record in the same file. Whatever the fast reader returns, Jackson must have read the same table.
     */
    @Test
    void numericFilesAgreeWithJacksonRecordByRecord() throws Exception {
        CsvReader.Options opt = new CsvReader.Options((char) 0, Set.of("", "NA", "N/A", "NaN", "nan", "null", "?"), Set.of());
        String[] odd = {"1e5", "1E-3", ".5", "5.", "+3", "-0", "-0.0", "0.000", "NA", "", "?", " 7 ", "\t8", "\"1.5\"", "12345678901234567890",
            "123456789012345678", "9007199254740993", "0.1234567890123456789", "-", "+", ".", "1.2.3", "1-2", "--1", "1e400", "4.9e-324", "00012.50"};
        String[] ends = {"\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n  \n"};
        Random r = new Random(7);
        int handled = 0;
        int runs = Integer.getInteger("fuzz.runs", 1500);
        for (int run = 0; run < runs; run++) {
            char sep = ",;\t".charAt(r.nextInt(3));
            boolean comma = sep != ',' && r.nextBoolean();
            StringBuilder sb = new StringBuilder("x").append(sep).append("y").append(ends[r.nextInt(ends.length)]);
            int rows = 1 + r.nextInt(8);
            for (int i = 0; i < rows; i++) {
                int width = r.nextInt(15) == 0 ? 1 + r.nextInt(3) : 2;
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        sb.append(sep);
                    }
                    String cell = r.nextInt(6) > 0
                            ? (r.nextInt(4) == 0 ? "-" : "") + r.nextInt(100_000) + (r.nextBoolean() ? (comma ? "," : ".") + r.nextInt(1_000_000) : "")
                            : odd[r.nextInt(odd.length)];
                    sb.append(comma ? cell.replace('.', ',') : cell);
                }
                if (i < rows - 1 || r.nextBoolean()) {
                    sb.append(ends[r.nextInt(ends.length)]);
                }
            }
            Path f = write(sb.toString().getBytes(StandardCharsets.UTF_8));
            CsvFormat fmt = format(sep, comma, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
            Table fast = CsvFastReader.read(f, opt, fmt, ROLES, () -> { }, x -> { }, 1 + r.nextInt(run % 2 == 0 ? 1 << 20 : 9));
            if (fast == null) {
                continue;
            }
            handled++;
            try {
                assertSame(CsvReader.readWithJackson(f, opt, fmt, ROLES, () -> { }, x -> { }), fast, sb.toString());
            } catch (CsvProblem e) {
                fail("the fast reader read a file Jackson rejects (" + e.getMessage() + "):\n" + sb);
            }
        }
        assertTrue(handled > runs / 3, "fast reader handled only " + handled + " of " + runs);
    }

    /** A long run of records in another shape turns the plain path off for the rest of the file; the table is the same. */
    @Test
    void manyRecordsInAnotherShapeGiveTheSameTable() throws Exception {
        CsvReader.Options opt = new CsvReader.Options((char) 0, Set.of("", "NA"), Set.of());
        String text = "x,y\n" + "1.5,2\n".repeat(10) + "1e1,-2.5E-1\n".repeat(100) + "3.25,-4\n".repeat(10);
        Path f = write(text.getBytes(StandardCharsets.UTF_8));
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
        Table fast = CsvFastReader.read(f, opt, fmt, ROLES, () -> { }, x -> { });
        assertNotNull(fast);
        assertSame(CsvReader.readWithJackson(f, opt, fmt, ROLES, () -> { }, x -> { }), fast, "exponents");
    }

    /** A missing token that looks like a number ("-999") keeps every record on the general path, which checks the tokens first. */
    @Test
    void numericMissingTokensAreStillMissing() throws Exception {
        Path f = write("x,y\n1.5,-999\n-999,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
        Table t = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { });
        assertArrayEquals(new double[] {1.5, Double.NaN, 3}, t.numeric("x").values());
        assertArrayEquals(new double[] {Double.NaN, 2, 4}, t.numeric("y").values());
    }

    static CsvFormat format(char sep, boolean comma, boolean units, Charset cs, ColumnType... types) {
        List<String> header = types.length == 2 ? List.of("x", "y") : List.of("x", "name", "y");
        return new CsvFormat(sep, header, List.of(types), cs.name(), comma, units, java.util.Collections.nCopies(types.length, ""));
    }

    static void assertSame(Table expected, Table actual, String file) {
        assertEquals(expected.columnCount(), actual.columnCount(), file);
        assertEquals(expected.rowCount(), actual.rowCount(), file);
        for (int c = 0; c < expected.columnCount(); c++) {
            Column e = expected.columns().get(c);
            Column a = actual.columns().get(c);
            if (e instanceof NumericColumn n) {
                assertEquals(n.name(), a.name(), file);
                assertEquals(n.role(), a.role(), file);
                assertEquals(n.unit(), ((NumericColumn) a).unit(), file);
                assertArrayEquals(n.values(), ((NumericColumn) a).values(), file); // bitwise: -0.0 and NaN count
            } else {
                assertEquals(e, a, file);
            }
        }
    }
}
