package org.anneal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a file with a line of millions of characters is refused at once with the line named. */
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
}
