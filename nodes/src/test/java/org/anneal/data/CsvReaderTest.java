package org.anneal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    static final CsvReader.Options DEFAULT = new CsvReader.Options((char) 0, Set.of("", "NA"), Set.of());

    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, text);
        return f;
    }

    Table read(Path f, CsvReader.Options o) throws Exception {
        return CsvReader.read(f, o, CsvReader.sniff(f, o), Map.of("y", ColumnRole.TARGET), () -> { }, x -> { });
    }

    @Test
    void readsNumbersCategoriesAndMissingValues() throws Exception {
        Path f = file("alloy,x,y\nA,1.5,10\nB,NA,20\n\"A, cast\",3,\n");
        CsvFormat fmt = CsvReader.sniff(f, DEFAULT);
        assertEquals(List.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC, ColumnType.NUMERIC), fmt.types());
        Table t = read(f, DEFAULT);
        assertEquals(3, t.rowCount());
        CategoricalColumn alloy = (CategoricalColumn) t.column("alloy").orElseThrow();
        assertEquals("A, cast", alloy.get(2));
        assertEquals(List.of("A", "B", "A, cast"), alloy.levels());
        assertTrue(Double.isNaN(t.numeric("x").get(1)));
        assertEquals(1, t.numeric("y").missingCount());
        assertEquals(ColumnRole.TARGET, t.column("y").orElseThrow().role());
    }

    @Test
    void detectsSemicolonsAndTabs() throws Exception {
        assertEquals(';', CsvReader.sniff(file("a;b\n1;2\n"), DEFAULT).delimiter());
        assertEquals('\t', CsvReader.sniff(file("a\tb\tc\n1\t2\t3\n"), DEFAULT).delimiter());
        assertEquals(2.0, read(file("a;y\n1;2\n"), DEFAULT).numeric("y").get(0));
    }

    @Test
    void textInANumericColumnNamesLineColumnAndValue() throws Exception {
        StringBuilder sb = new StringBuilder("hardness,y\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i == 12 ? "abc" : Integer.toString(200 + i)).append(",1\n");
        }
        var e = assertThrows(CsvProblem.class, () -> CsvReader.sniff(file(sb.toString()), DEFAULT));
        assertEquals(14, e.line());
        assertTrue(e.getMessage().contains("Line 14, column 'hardness': 'abc' is not a number"), e.getMessage());
        assertTrue(e.fix().contains("missing"));
    }

    @Test
    void textBeyondTheSampledRowsIsStillCaught() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < CsvReader.SAMPLE_ROWS + 50; i++) {
            sb.append(i == CsvReader.SAMPLE_ROWS + 10 ? "oops" : "1").append(",2\n");
        }
        var e = assertThrows(CsvProblem.class, () -> read(file(sb.toString()), DEFAULT));
        assertEquals(CsvReader.SAMPLE_ROWS + 12, e.line());
    }

    @Test
    void wrongFieldCountIsLocated() throws Exception {
        var e = assertThrows(CsvProblem.class, () -> CsvReader.sniff(file("a,b,c\n1,2,3\n4,5\n"), DEFAULT));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("2 fields but the header has 3"), e.getMessage());
    }

    @Test
    void headerProblemsAreExplained() throws Exception {
        assertTrue(assertThrows(CsvProblem.class, () -> CsvReader.sniff(file("a,a\n1,2\n"), DEFAULT)).getMessage().contains("Two columns"));
        assertTrue(assertThrows(CsvProblem.class, () -> CsvReader.sniff(file(""), DEFAULT)).getMessage().contains("empty"));
    }

    @Test
    void mostlyTextColumnsAreCategories() throws Exception {
        CsvFormat f = CsvReader.sniff(file("phase,y\nferrite,1\naustenite,2\n3,3\n"), DEFAULT);
        assertEquals(ColumnType.CATEGORICAL, f.types().get(0));
        CsvFormat forced = CsvReader.sniff(file("code,y\n1,1\n2,2\n"), new CsvReader.Options((char) 0, Set.of(""), Set.of("code")));
        assertEquals(ColumnType.CATEGORICAL, forced.types().get(0));
    }
}
