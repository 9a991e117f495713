package org.anneal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMemoTest {
    private static final String DIGEST = "a".repeat(64);

    @TempDir
    Path tmp;

    private FileMemo memo() {
        return new FileMemo(tmp.resolve("memo"), 0);
    }

    /** A time at which the file had long settled, as when it is hashed again on a later day. */
    private static long muchLater() {
        return System.currentTimeMillis() + 10 * FileMemo.SETTLED_MILLIS;
    }

    @Test
    void recallsTheDigestOfTheSameStateInANewMemo() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        FileMemo.State s = memo().state(f);
        assertNotNull(s, "Linux keeps ctime");
        memo().remember(f, "sha256", s, memo().state(f), muchLater(), DIGEST);
        assertEquals(DIGEST, memo().recall(f, "sha256", memo().state(f)), "another process (another memo object) recalls it");
    }

    @Test
    void aFileChangedJustBeforeHashingIsNotRemembered() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        FileMemo.State s = memo().state(f);
        memo().remember(f, "sha256", s, s, System.currentTimeMillis(), DIGEST); // written a moment ago: the same clock tick may hold another write
        assertNull(memo().recall(f, "sha256", s));
    }

    @Test
    void aFileChangedWhileHashedIsNotRemembered() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        FileMemo.State before = memo().state(f);
        Files.writeString(f, "x,y\n3,4\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000)); // new content, and a time that surely differs
        FileMemo.State after = memo().state(f);
        assertNotEquals(before, after);
        memo().remember(f, "sha256", before, after, muchLater(), DIGEST);
        assertNull(memo().recall(f, "sha256", before));
        assertNull(memo().recall(f, "sha256", after));
    }

    @Test
    void newContentIsANewStateEvenWithTheOldSizeAndModificationTime() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000));
        FileMemo.State old = memo().state(f);
        memo().remember(f, "sha256", old, old, muchLater(), DIGEST);
        Thread.sleep(20); // more than a tick of the kernel's coarse clock
        Files.writeString(f, "x,y\n3,4\n"); // same size
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000)); // as `touch -d` would put it back
        FileMemo.State now = memo().state(f);
        assertNotEquals(old, now, "ctime moved on");
        assertNull(memo().recall(f, "sha256", now), "so the old digest is not recalled");
    }

    @Test
    void aCopyElsewhereOrAnotherPathHasItsOwnEntry() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        Path g = Files.writeString(tmp.resolve("e.csv"), "x,y\n1,2\n");
        FileMemo.State s = memo().state(f);
        memo().remember(f, "sha256", s, s, muchLater(), DIGEST);
        assertNull(memo().recall(g, "sha256", memo().state(g)));
    }

    @Test
    void offSmallFilesAndGarbledEntriesMeanHashing() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        assertNull(new FileMemo(null, 0).state(f), "off");
        assertNull(new FileMemo(tmp.resolve("memo"), 1 << 20).state(f), "a small file is hashed every time");
        FileMemo.State s = memo().state(f);
        memo().remember(f, "sha256", s, s, muchLater(), DIGEST);
        try (var entries = Files.list(tmp.resolve("memo"))) {
            Path entry = entries.findFirst().orElseThrow();
            Files.writeString(entry, Files.readString(entry).replace(DIGEST, ""));
        }
        assertNull(memo().recall(f, "sha256", s));
    }

    @Test
    void anUnwritableFolderOnlyCostsTheHashing() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        Path notADir = Files.writeString(tmp.resolve("file-in-the-way"), "");
        FileMemo blocked = new FileMemo(notADir.resolve("memo"), 0);
        FileMemo.State s = blocked.state(f);
        blocked.remember(f, "sha256", s, s, muchLater(), DIGEST); // no exception
        assertNull(blocked.recall(f, "sha256", s));
    }

    @Test
    void fileDigestsAsksTheMemoBeforeReadingABigFile() throws Exception {
        Path big = Files.writeString(tmp.resolve("big.csv"), "x,y\n" + "1,2\n".repeat(1_200_000)); // above the smallest remembered
        Path other = Files.writeString(tmp.resolve("other.csv"), "x,y\n" + "3,4\n".repeat(1_200_000));
        String previous = System.getProperty("anneal.digests.dir");
        System.setProperty("anneal.digests.dir", tmp.resolve("memo").toString());
        try {
            FileMemo standard = FileMemo.standard();
            FileMemo.State s = standard.state(big);
            standard.remember(big, "sha256", s, s, muchLater(), DIGEST); // what an earlier run would have left (here a value no hash gives)
            assertEquals(DIGEST, FileDigests.sha256(big), "recalled, not read");
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            assertEquals(java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(other))), FileDigests.sha256(other),
                    "a file the memo does not know is hashed");
            assertNull(standard.recall(other, "sha256", standard.state(other)), "and, written a moment ago, not remembered");
            assertEquals("true", FileMemo.remembered(big, "ascii", () -> "true"));
            assertNull(standard.recall(big, "ascii", s), "facts are kept apart: the new one was read from a fresh file");
        } finally {
            if (previous == null) {
                System.clearProperty("anneal.digests.dir");
            } else {
                System.setProperty("anneal.digests.dir", previous);
            }
        }
    }
}
