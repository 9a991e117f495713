package org.anneal.handin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: the grade report cannot be turned against the instructor who opens it. */
class SafeReportTest {
    @TempDir
    Path dir;

    @Test
    void aPlantedSymbolicLinkIsNeverWrittenThrough() throws Exception {
        Path victim = Files.writeString(dir.resolve("instructor-notes.txt"), "precious");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("grades.csv"), victim);
        IOException e = assertThrows(IOException.class, () -> SafeOutput.write(out, "grades.csv", "file,author\n"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(victim));
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked"), out);
        assertThrows(IOException.class, () -> SafeOutput.folder(linkedFolder));
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        SafeOutput.write(dir, "grades.csv", "one");
        SafeOutput.write(dir, "grades.csv", "two");
        assertEquals("two", Files.readString(dir.resolve("grades.csv")));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("grades.csv"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    static GradeRow row(String author, List<String> notes) {
        return new GradeRow("h.json", author, "ok", true, List.of(), Map.of(), 1, 1, notes);
    }

    @Test
    void formulasAreNeutralisedAndControlCharactersRemoved() {
        String csv = GradeReport.csv(List.of(row("=HYPERLINK(\"http://evil\",\"click\")", List.of()), row("+1+1", List.of()),
                row("-2", List.of()), row("@SUM(A1)", List.of()), row(" =1", List.of()), row("Ann\u001b[31m\u202eLee\ud800", List.of("a\nb"))));
        List<String> lines = csv.lines().toList();
        assertEquals(7, lines.size(), csv);
        assertTrue(lines.get(1).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"'+1+1\""), lines.get(2));
        assertTrue(lines.get(3).contains("\"'-2\""), lines.get(3));
        assertTrue(lines.get(4).contains("\"'@SUM(A1)\""), lines.get(4));
        assertTrue(lines.get(5).contains("\"' =1\""), lines.get(5));
        assertTrue(lines.get(6).contains("\"Ann[31mLee\uFFFD\""), lines.get(6));
        assertTrue(lines.get(6).contains("\"a b\""), lines.get(6));
        assertFalse(GradeReport.html(List.of(row("<script>", List.of())), "t").contains("<script>"));
    }

    @Test
    void cellsAndListsAreCapped() {
        String longAuthor = "x".repeat(100_000);
        List<String> notes = Collections.nCopies(1000, "note");
        String csv = GradeReport.csv(List.of(row(longAuthor, notes)));
        assertTrue(csv.length() < 20_000, "length " + csv.length());
        assertTrue(csv.contains("(980 more not listed)"), csv.substring(csv.length() - 200));
    }
}
