package org.anneal.handin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: whatever grading one hand-in does, it ends in a row with a clear status and the next hand-in is unaffected. */
class IsolatedGradingTest {
    @TempDir
    Path inbox;

    @TempDir
    Path course;

    Rubric rubric(int seconds) {
        return new Rubric(List.of(course), 1e-9, seconds, List.of());
    }

    static GradeRow ok(Path copy) {
        return new GradeRow(copy.getFileName().toString(), "A", "ok", true, List.of(), Map.of(), 0, 0, List.of());
    }

    Path handIn(String name) throws Exception {
        return Files.writeString(inbox.resolve(name), "{}");
    }

    @Test
    void aHandInThatIgnoresInterruptionTimesOutAndTheNextOneIsGradedOnTime() throws Exception {
        Path slow = handIn("a-slow.json");
        Path honest = handIn("b-honest.json");
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        long t0 = System.nanoTime();
        GradeRow timedOut = IsolatedGrading.grade(slow, rubric(2), (copy, files, ex) -> {
            while (!release.get()) { // a phase that never checks for cancellation or interruption
                Thread.onSpinWait();
            }
            return ok(copy);
        });
        assertEquals("timeout", timedOut.status(), timedOut.toString());
        assertTrue(timedOut.notes().get(0).contains("2 s"), timedOut.toString());
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "the deadline ended the grading");
        GradeRow next = IsolatedGrading.grade(honest, rubric(20), (copy, files, ex) -> ok(copy));
        assertEquals("ok", next.status(), "the next hand-in does not inherit the stuck one's threads");
        release.set(true); // lets the abandoned thread end; the grader itself never needed it to
    }

    @Test
    void outOfMemoryAndAnyOtherThrowableBecomeRows() throws Exception {
        Path f = handIn("oom.json");
        GradeRow oom = IsolatedGrading.grade(f, rubric(20), (copy, files, ex) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertEquals("out-of-memory", oom.status());
        GradeRow npe = IsolatedGrading.grade(f, rubric(20), (copy, files, ex) -> {
            throw new NullPointerException();
        });
        assertEquals("failed", npe.status());
        assertTrue(npe.notes().get(0).contains("NullPointerException"));
        GradeRow deep = IsolatedGrading.grade(f, rubric(20), (copy, files, ex) -> {
            throw new StackOverflowError();
        });
        assertEquals("failed", deep.status());
    }

    @Test
    void eachHandInSeesOnlyAPrivateCopyAndTakesDatasetsFromTheCourseFolders() throws Exception {
        Path f = handIn("student.json");
        Files.writeString(inbox.resolve("elements.csv"), "doctored\n1\n"); // dropped into the shared folder by another student
        Files.writeString(course.resolve("elements.csv"), "course\n1\n");
        AtomicReference<Path> resolved = new AtomicReference<>();
        AtomicReference<List<Path>> beside = new AtomicReference<>();
        GradeRow r = IsolatedGrading.grade(f, rubric(20), (copy, files, ex) -> {
            try (var s = Files.list(copy.getParent())) {
                beside.set(s.toList());
            }
            resolved.set(files.resolve("elements.csv", "path"));
            return ok(copy);
        });
        assertEquals("ok", r.status());
        assertEquals(1, beside.get().size(), "the private folder holds the hand-in only: " + beside.get());
        assertFalse(beside.get().get(0).startsWith(inbox));
        assertEquals(course.resolve("elements.csv").toRealPath(), resolved.get().toRealPath());
        assertFalse(Files.exists(beside.get().get(0)), "the private copy is removed after grading");
    }

    @Test
    void aSymbolicLinkOrAnOversizedFileIsRefusedWithoutReadingIt() throws Exception {
        Path victim = Files.writeString(course.resolve("secret.json"), "{}");
        Path link = Files.createSymbolicLink(inbox.resolve("link.json"), victim);
        assertEquals("refused", IsolatedGrading.grade(link, rubric(20), (copy, files, ex) -> ok(copy)).status());
        Path big = inbox.resolve("big.json");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), org.anneal.graph.WorkflowCodec.MAX_FILE_BYTES + 10); // sparse
        }
        GradeRow r = IsolatedGrading.grade(big, rubric(20), (copy, files, ex) -> ok(copy));
        assertEquals("too-large", r.status());
    }
}
