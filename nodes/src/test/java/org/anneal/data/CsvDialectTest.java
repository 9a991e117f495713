package org.anneal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encoding, delimiter, decimal mark and units row, on small files written the way real tools write them. */
class CsvDialectTest {
    static final CsvReader.Options AUTO = new CsvReader.Options((char) 0, Set.of("", "NA"), Set.of(), (char) 0, CsvReader.UnitsRow.AUTO, null);

    @TempDir
    Path dir;

    static Path resource(String name) throws Exception {
        return Path.of(CsvDialectTest.class.getResource("/csv/" + name).toURI());
    }

    static Table read(Path f, CsvReader.Options o) throws Exception {
        return CsvReader.read(f, o, CsvReader.sniff(f, o), Map.of(), () -> { }, x -> { });
    }

    @Test
    void europeanExcelExportWithLatin1UnitsAndDecimalCommas() throws Exception {
        Path f = resource("european-latin1.csv");
        CsvFormat fmt = CsvReader.sniff(f, AUTO);
        assertEquals(';', fmt.delimiter());
        assertEquals("windows-1252", fmt.charset());
        assertTrue(fmt.decimalComma());
        assertTrue(fmt.unitsRow());
        assertEquals(List.of("", "°C", "µm", "HV"), fmt.units());
        assertEquals(List.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.NUMERIC), fmt.types());
        Table t = read(f, AUTO);
        assertEquals(3, t.rowCount(), "the units line is not a data row");
        assertArrayEquals(new double[] {850.5, 900, 925.25}, t.numeric("temperature").values());
        assertArrayEquals(new double[] {12.25, 8.5, 7}, t.numeric("grain size").values());
        assertEquals("°C", t.numeric("temperature").unit());
        assertEquals("temperature [°C]", t.numeric("temperature").spec().label());
        assertEquals("grain size [µm]", t.spec(org.anneal.spec.Lineage.UNSPLIT).column("grain size").orElseThrow().label());
    }

    @Test
    void utf8WithByteOrderMarkKeepsTheFirstColumnNameClean() throws Exception {
        Path f = resource("units-utf8-bom.csv");
        CsvFormat fmt = CsvReader.sniff(f, AUTO);
        assertEquals("UTF-8", fmt.charset());
        assertEquals("temperature", fmt.header().get(0), "no \\uFEFF glued to the name");
        assertEquals(List.of("°C", "µm", ""), fmt.units());
        Table t = read(f, AUTO);
        assertArrayEquals(new double[] {20.5, 30}, t.numeric("temperature").values());
        assertEquals("ferrite", ((CategoricalColumn) t.column("phase").orElseThrow()).get(0));
    }

    @Test
    void utf8WithoutMarkIsTakenAsUtf8NotLatin1() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "T (°C),y\n1,2\n3,4\n", StandardCharsets.UTF_8);
        assertEquals("T (°C)", CsvReader.sniff(f, AUTO).header().get(0));
        Files.write(f, "T (°C),y\n1,2\n3,4\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("T (°C)", CsvReader.sniff(f, AUTO).header().get(0), "the same header written by a Latin-1 tool");
    }

    @Test
    void oneLatin1ByteDeepInALongAsciiFileStillMakesItWindows1252() throws Exception {
        // the ASCII scan reads 64 KiB blocks eight bytes at a time: a high byte in a block's ragged tail, in a later
        // block, or nowhere at all
        StringBuilder rows = new StringBuilder("x,y\n");
        while (rows.length() < 200_000) {
            rows.append("1.25,2.5\n");
        }
        Path f = dir.resolve("long.csv");
        Files.writeString(f, rows, StandardCharsets.US_ASCII);
        assertTrue(CsvDialect.isAscii(f));
        assertEquals(StandardCharsets.UTF_8, CsvDialect.detectCharset(f));
        for (int at : new int[] {3, 65_535, 65_536 + 7, rows.length() - 1}) {
            byte[] b = rows.toString().getBytes(StandardCharsets.US_ASCII);
            b[at] = (byte) 0xB0; // "°" in Latin-1, not valid UTF-8 on its own
            Files.write(f, b);
            assertFalse(CsvDialect.isAscii(f), "high byte at " + at);
            assertEquals(CsvDialect.WINDOWS_1252, CsvDialect.detectCharset(f), "high byte at " + at);
        }
        byte[] utf8 = (rows + "°C,1\n").getBytes(StandardCharsets.UTF_8);
        Files.write(f, utf8);
        assertFalse(CsvDialect.isAscii(f));
        assertEquals(StandardCharsets.UTF_8, CsvDialect.detectCharset(f), "valid UTF-8 after 200 kB of ASCII");
    }

    @Test
    void excelUnicodeTextIsUtf16WithTabs() throws Exception {
        Path f = resource("excel-unicode.txt");
        CsvFormat fmt = CsvReader.sniff(f, AUTO);
        assertEquals('\t', fmt.delimiter());
        assertEquals(List.of("sample", "strain", "stress"), fmt.header());
        assertArrayEquals(new double[] {210, 420}, read(f, AUTO).numeric("stress").values());
    }

    @Test
    void barDelimiterAndDotDecimals() throws Exception {
        CsvFormat fmt = CsvReader.sniff(resource("bar.csv"), AUTO);
        assertEquals('|', fmt.delimiter());
        assertFalse(fmt.decimalComma());
        assertFalse(fmt.unitsRow(), "a row of numbers is data");
    }

    @Test
    void decimalCommaFilesRefuseADotRatherThanGuessAThousandsSeparator() throws Exception {
        Path f = dir.resolve("t.csv");
        StringBuilder sb = new StringBuilder("x;y\n");
        for (int i = 0; i < 10; i++) {
            sb.append(i == 7 ? "1.234" : i + ",5").append(";1\n");
        }
        Files.writeString(f, sb.toString());
        CsvProblem e = assertThrows(CsvProblem.class, () -> CsvReader.sniff(f, AUTO));
        assertEquals(9, e.line());
        assertTrue(e.getMessage().contains("'1.234' is not a number") && e.getMessage().contains("comma"), e.getMessage());
        assertTrue(e.fix().contains("'decimal'"), e.fix());
    }

    @Test
    void explicitSettingsOverrideDetection() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "x;y\nmm;s\n1,5;2\n");
        CsvReader.Options noUnits = new CsvReader.Options(';', Set.of(""), Set.of("y"), ',', CsvReader.UnitsRow.NONE, StandardCharsets.UTF_8);
        CsvFormat fmt = CsvReader.sniff(f, noUnits);
        assertFalse(fmt.unitsRow());
        assertEquals(ColumnType.CATEGORICAL, fmt.types().get(0), "'mm' stays a data row, so x holds text");
        CsvReader.Options second = new CsvReader.Options(';', Set.of(""), Set.of(), ',', CsvReader.UnitsRow.SECOND, null);
        Table t = read(f, second);
        assertEquals(1.5, t.numeric("x").get(0));
        assertEquals("s", t.numeric("y").unit());
    }

    @Test
    void raggedRowsAndTextInNumbersStayLocatedWithUnitsAndCommas() throws Exception {
        CsvProblem ragged = assertThrows(CsvProblem.class, () -> CsvReader.sniff(resource("ragged.csv"), AUTO));
        assertEquals(3, ragged.line());
        Path f = dir.resolve("t.csv");
        StringBuilder sb = new StringBuilder("T;y\n°C;MPa\n");
        for (int i = 0; i < CsvReader.SAMPLE_ROWS + 20; i++) {
            sb.append(i == CsvReader.SAMPLE_ROWS + 5 ? "warm" : i + ",5").append(";1\n");
        }
        Files.writeString(f, sb.toString());
        CsvProblem late = assertThrows(CsvProblem.class, () -> read(f, AUTO));
        assertEquals(CsvReader.SAMPLE_ROWS + 8, late.line(), "header + units row + 1-based row");
        assertTrue(late.getMessage().contains("column 'T': 'warm'"), late.getMessage());
    }

    @Test
    void rolesStillApplyToTheNamedColumns() throws Exception {
        Path f = resource("european-latin1.csv");
        Table t = CsvReader.read(f, AUTO, CsvReader.sniff(f, AUTO), Map.of("hardness", ColumnRole.TARGET, "alloy", ColumnRole.GROUP), () -> { }, x -> { });
        assertEquals(ColumnRole.TARGET, t.target().orElseThrow().role());
        assertEquals("HV", t.target().orElseThrow().unit());
        assertEquals(ColumnRole.GROUP, t.column("alloy").orElseThrow().role());
    }

    @Test
    void aTypoInLineTwoOfAWideTableIsAnErrorNotAUnitsRow() throws Exception {
        Path f = dir.resolve("t.csv");
        StringBuilder sb = new StringBuilder("a,b,c\n1,n.d.,3\n");
        for (int i = 0; i < 10; i++) {
            sb.append(i).append(',').append(i).append(',').append(i).append('\n');
        }
        Files.writeString(f, sb.toString());
        CsvProblem e = assertThrows(CsvProblem.class, () -> CsvReader.sniff(f, AUTO));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("column 'b': 'n.d.'"), e.getMessage());
    }
}
