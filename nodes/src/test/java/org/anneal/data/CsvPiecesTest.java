package org.anneal.data;

import static org.anneal.data.CsvFastReaderTest.OPT;
import static org.anneal.data.CsvFastReaderTest.ROLES;
import static org.anneal.data.CsvFastReaderTest.assertSame;
import static org.anneal.data.CsvFastReaderTest.format;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.anneal.spec.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read in pieces on several threads gives the table of one read from start to end, bit for bit, or goes the same other way. */
class CsvPiecesTest {
    @TempDir
    Path dir;

    private Path write(String text, Charset cs) throws Exception {
        Path f = Files.createTempFile(dir, "p", ".csv");
        Files.write(f, text.getBytes(cs));
        return f;
    }

    /** Quotes, CRLF, missing values, blank lines, a byte-order mark, a units line, categories first seen late: every cut. */
    @Test
    void trickyFilesInPiecesEqualOneRead() throws Exception {
        String[] files = {
            "x,name,y\r\n1,a,2\r\n3,b,4\r\n5,a,6\r\n7,c,8\r\n9,,10\r\nNA,d,12\r\n",
            "\uFEFFx,name,y\n1,\"Smith, J.\",2\n\n   \n3,\"say \"\"hi\"\"\",4\n5,NA,?\n7,  spaced  ,-999\n9,e,10\n11,f,12",
            "x;name;y\n1,5;a;-0,25\n-3;b;1e3\n2,0;a;\n4;c;5\n6;d;7\n",
            "x,name,y\n°C,-,kg\n20,Fe,1\n21,Cr,2\n22,Fe,3\n23,Ni,4\n24,Mo,5\n",
            "x,name,y\n1,\"quoted\",2\n3,\"two\nlines\",4\n5,\"cr\r\nlf\",6\n7,g,8\n9,h,10\n11,g,12\n",
        };
        int checked = 0;
        for (String text : files) {
            for (Charset cs : new Charset[] {StandardCharsets.UTF_8, CsvDialect.WINDOWS_1252}) {
                Path f = write(text, cs);
                CsvReader.Options o = new CsvReader.Options((char) 0, OPT.missing(), Set.of(), (char) 0, CsvReader.UnitsRow.AUTO, cs);
                CsvFormat fmt = CsvReader.sniff(f, o);
                Table one = CsvFastReader.read(f, o, fmt, ROLES, () -> { }, x -> { }, 1 << 20);
                assertNotNull(one, text);
                assertSame(CsvReader.readWithJackson(f, o, fmt, ROLES, () -> { }, x -> { }), one, text);
                for (int pieces = 2; pieces <= 9; pieces++) { // cuts after every few lines: inside quotes, in the header, anywhere
                    for (int buffer : new int[] {1 << 20, 3}) {
                        assertSame(one, CsvFastReader.read(f, o, fmt, ROLES, () -> { }, x -> { }, buffer, pieces, 3), pieces + " pieces: " + text);
                        checked++;
                    }
                }
            }
        }
        assertEquals(5 * 2 * 8 * 2, checked);
    }

    /** Category codes are numbered in order of first appearance over the whole file, as one reader numbers them. */
    @Test
    void levelsFirstSeenInLaterPiecesComeAfter() throws Exception {
        StringBuilder sb = new StringBuilder("x,name,y\n");
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            sb.append(r.nextInt(9) == 0 ? "" : Double.toString(r.nextGaussian())).append(',')
                    .append(i % 13 == 0 ? "NA" : "level" + r.nextInt(i < 10_000 ? 4 : 11)).append(',').append(i).append('\n');
        }
        Path f = write(sb.toString(), StandardCharsets.UTF_8);
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC);
        Table one = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }, 1 << 20);
        CsvPieces.Outcome o = CsvPieces.read(f, Files.size(f), 6, 2, () -> CsvFastReader.create(OPT, fmt, 1 << 12), fmt, () -> { }, x -> { });
        assertNotNull(o.parts());
        assertEquals(6, o.parts().size(), "read in six pieces, not handed on");
        double[] shared = o.parts().get(0).nums[0];
        Table pieces = ColumnBuffers.join(o.parts(), fmt, ROLES);
        assertSame(one, pieces, "six pieces");
        assertTrue(shared == pieces.numeric("x").values(), "the pieces wrote the table's own column, no copy at the end");
        assertEquals(11, ((CategoricalColumn) pieces.column("name").orElseThrow()).levels().size());
        assertEquals(one.column("name"), pieces.column("name"));
    }

    /** A quoted line break where a cut falls: the piece before it ends in a quote, and the file is read in one piece. */
    @Test
    void aCutInsideAQuotedCellReadsTheFileInOnePiece() throws Exception {
        StringBuilder sb = new StringBuilder("x,name,y\n");
        for (int i = 0; i < 200; i++) {
            sb.append(i).append(",\"").append(i == 100 ? "first\n\n\nsecond" : "n" + i % 7).append("\",").append(i * 0.5).append('\n');
        }
        Path f = write(sb.toString(), StandardCharsets.UTF_8);
        long size = Files.size(f);
        int inside = sb.indexOf("first\n") + 6; // just after the quoted cell's first line break
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC);
        int pieces = 2;
        while (pieces < 400 && java.util.Arrays.stream(CsvPieces.cuts(f, size, pieces)).noneMatch(c -> c >= inside && c <= inside + 2)) {
            pieces++;
        }
        assertTrue(pieces < 400, "no count of pieces cuts the quoted cell");
        CsvPieces.Outcome o = CsvPieces.read(f, size, pieces, 2, () -> CsvFastReader.create(OPT, fmt, 64), fmt, () -> { }, x -> { });
        assertEquals(CsvPieces.Outcome.ONE_PIECE, o);
        Table t = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }, 64, pieces, 2);
        assertSame(CsvReader.readWithJackson(f, OPT, fmt, ROLES, () -> { }, x -> { }), t, "quoted line breaks");
        assertEquals("first\n\n\nsecond", t.column("name").orElseThrow().text(100));
    }

    /** A bad cell in the second half of a file big enough to be read in pieces: the located error names its line. */
    @Test
    void aBadLineInTheSecondHalfIsLocated() throws Exception {
        StringBuilder sb = new StringBuilder("x,name,y\n");
        int bad = 0;
        for (int line = 2; sb.length() < CsvPieces.FROM_BYTES + (1 << 20); line++) {
            boolean here = bad == 0 && sb.length() > CsvPieces.FROM_BYTES * 3 / 4;
            bad = here ? line : bad;
            sb.append(line * 0.25).append(",m").append(line % 5).append(',').append(here ? "4,5" : line).append(line % 3 == 0 ? "\r\n" : "\n");
        }
        Path f = write(sb.toString(), StandardCharsets.UTF_8);
        CsvFormat fmt = CsvReader.sniff(f, OPT);
        assertNull(CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }), "handed to Jackson, which words the error");
        CsvProblem p = assertThrows(CsvProblem.class, () -> CsvReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }));
        assertEquals(bad, p.line());
        assertTrue(p.getMessage().startsWith("Line " + bad + " has 4 fields but the header has 3"), p.getMessage());

        String good = sb.toString().replace(",4,5", "," + bad);
        Path g = write(good, StandardCharsets.UTF_8);
        List<Double> progress = new ArrayList<>();
        Table t = CsvReader.read(g, OPT, fmt, ROLES, () -> { }, progress::add);
        assertSame(CsvFastReader.read(g, OPT, fmt, ROLES, () -> { }, x -> { }, 1 << 20), t, "big file");
        assertEquals(bad, (int) t.numeric("y").get(bad - 2));
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress only grows: " + progress);
        }
    }

    /** Cancelled while the pieces are read: the read stops, and so do the other threads. */
    @Test
    void cancelStopsEveryThread() throws Exception {
        Path f = write("x,y\n" + "1.5,2\n".repeat(400_000), StandardCharsets.UTF_8);
        CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.NUMERIC);
        AtomicInteger asked = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> CsvFastReader.read(f, OPT, fmt, ROLES, () -> {
            if (asked.incrementAndGet() > 3) {
                throw new IllegalStateException("cancelled");
            }
        }, x -> { }, 1 << 16, 8, 2));
        for (int i = 0; i < 100 && piecesRunning(); i++) {
            Thread.sleep(10);
        }
        assertTrue(!piecesRunning(), "a reading thread was left running");
        assertEquals(400_000, CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }, 1 << 16, 8, 2).rowCount());
    }

    /** Random files of every awkward kind: in pieces, the same table as in one read, or handed back as one read hands it back. */
    @Test
    void randomFilesInPiecesEqualOneRead() throws Exception {
        String[] cells = {"1", "-0", "1.5", "1e5", ".5", "NaN", "Infinity", "NA", "", "?", "abc", "é", " 7 ", "\"x\"", "\"a\"\"b\"",
            "\"1,5\"", "\"multi\nline\"", "\"cr\r\nlf\"", "a\"b", "\"", "\"x\"y"};
        String[] ends = {"\n", "\n", "\r\n", "\r", "\n\n", "\n  \n"};
        Random r = new Random(16);
        int tables = 0;
        for (int run = 0; run < 250; run++) {
            StringBuilder sb = new StringBuilder("x,name,y").append(ends[r.nextInt(ends.length)]);
            int rows = 2 + r.nextInt(30);
            for (int i = 0; i < rows; i++) {
                int width = r.nextInt(400) == 0 ? 2 : 3;
                for (int c = 0; c < width; c++) {
                    int odd = c == 1 ? 4 : 40; // now and then an awkward cell; mostly numbers and plain names, so that many files are readable
                    sb.append(c > 0 ? "," : "").append(r.nextInt(odd) > 0 ? (c == 1 ? "n" : "") + (r.nextInt(100) - 50) : cells[r.nextInt(cells.length)]);
                }
                sb.append(i < rows - 1 || r.nextBoolean() ? ends[r.nextInt(ends.length)] : "");
            }
            Path f = write(sb.toString(), StandardCharsets.UTF_8);
            CsvFormat fmt = format(',', false, false, StandardCharsets.UTF_8, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC);
            Table one = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }, 1 << 20);
            Table pieces = CsvFastReader.read(f, OPT, fmt, ROLES, () -> { }, x -> { }, 1 + r.nextInt(16), 2 + r.nextInt(6), 2);
            assertEquals(one == null, pieces == null, sb.toString());
            if (one != null) {
                tables++;
                assertSame(one, pieces, sb.toString());
            }
        }
        assertTrue(tables > 60, "only " + tables + " files read");
    }

    @Test
    void cutsFallJustAfterLineFeeds() throws Exception {
        Path f = write("h\n" + "abcdefghi\n".repeat(10), StandardCharsets.UTF_8); // 102 bytes
        assertArrayEquals(new long[] {0, 32, 52, 82, 102}, CsvPieces.cuts(f, 102, 4));
        Path noBreaks = write("h\n" + "x".repeat(100), StandardCharsets.UTF_8);
        assertArrayEquals(new long[] {0, 102}, CsvPieces.cuts(noBreaks, 102, 4));
        assertEquals(8, CsvPieces.piecesFor(200_000_000, 2));
        assertEquals(2, CsvPieces.piecesFor(9 << 20, 2));
    }

    /** Line ends counted eight bytes at a time agree with the byte rule, for every length, mix and byte before the block. */
    @org.junit.jupiter.api.Test
    void lineEndsEightAtATimeAgreeWithTheByteRule() {
        Random r = new Random(3);
        byte[] alphabet = {'\n', 'a', ',', '1', 0x0B, 0x09, (byte) 0x8A, (byte) 0x8D, 0x00, '\r'};
        for (int run = 0; run < 5000; run++) {
            int len = 1 + r.nextInt(70);
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(len + r.nextInt(9)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            byte[] b = bb.array();
            boolean crs = r.nextBoolean();
            for (int i = 0; i < b.length; i++) {
                b[i] = alphabet[r.nextInt(crs ? alphabet.length : alphabet.length - 1)]; // half the blocks without carriage returns
            }
            byte before = r.nextBoolean() ? (byte) '\r' : alphabet[r.nextInt(4)];
            long expected = before == '\r' && b[0] != '\n' ? 1 : 0;
            for (int i = 0; i < len; i++) {
                if (b[i] == '\n' || b[i] == '\r' && i + 1 < len && b[i + 1] != '\n') {
                    expected++;
                }
            }
            assertEquals(expected, CsvPieces.lineEnds(bb, len, before), java.util.Arrays.toString(java.util.Arrays.copyOf(b, len)));
        }
    }

    private static boolean piecesRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("anneal-csv-piece") && t.isAlive());
    }
}
