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

class FileDigestMemoTest {
    private static final String DIGEST = "a".repeat(64);

    @TempDir
    Path tmp;

    private FileDigestMemo memo() {
        return new FileDigestMemo(tmp.resolve("memo"), 0);
    }

    /** A time at which the file had long settled, as when it is hashed again on a later day. */
    private static long muchLater() {
        return System.currentTimeMillis() + 10 * FileDigestMemo.SETTLED_MILLIS;
    }

    @Test
    void recallsTheDigestOfTheSameStateInANewMemo() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        FileDigestMemo.State s = memo().state(f);
        assertNotNull(s, "Linux keeps ctime");
        memo().remember(f, s, memo().state(f), muchLater(), DIGEST);
        assertEquals(DIGEST, memo().recall(f, memo().state(f)), "another process (another memo object) recalls it");
    }

    @Test
    void aFileChangedJustBeforeHashingIsNotRemembered() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        FileDigestMemo.State s = memo().state(f);
        memo().remember(f, s, s, System.currentTimeMillis(), DIGEST); // written a moment ago: the same clock tick may hold another write
        assertNull(memo().recall(f, s));
    }

    @Test
    void aFileChangedWhileHashedIsNotRemembered() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        FileDigestMemo.State before = memo().state(f);
        Files.writeString(f, "x,y\n3,4\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000)); // new content, and a time that surely differs
        FileDigestMemo.State after = memo().state(f);
        assertNotEquals(before, after);
        memo().remember(f, before, after, muchLater(), DIGEST);
        assertNull(memo().recall(f, before));
        assertNull(memo().recall(f, after));
    }

    @Test
    void newContentIsANewStateEvenWithTheOldSizeAndModificationTime() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000));
        FileDigestMemo.State old = memo().state(f);
        memo().remember(f, old, old, muchLater(), DIGEST);
        Thread.sleep(20); // more than a tick of the kernel's coarse clock
        Files.writeString(f, "x,y\n3,4\n"); // same size
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000)); // as `touch -d` would put it back
        FileDigestMemo.State now = memo().state(f);
        assertNotEquals(old, now, "ctime moved on");
        assertNull(memo().recall(f, now), "so the old digest is not recalled");
    }

    @Test
    void aCopyElsewhereOrAnotherPathHasItsOwnEntry() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        Path g = Files.writeString(tmp.resolve("e.csv"), "x,y\n1,2\n");
        FileDigestMemo.State s = memo().state(f);
        memo().remember(f, s, s, muchLater(), DIGEST);
        assertNull(memo().recall(g, memo().state(g)));
    }

    @Test
    void offSmallFilesAndGarbledEntriesMeanHashing() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        assertNull(new FileDigestMemo(null, 0).state(f), "off");
        assertNull(new FileDigestMemo(tmp.resolve("memo"), 1 << 20).state(f), "a small file is hashed every time");
        FileDigestMemo.State s = memo().state(f);
        memo().remember(f, s, s, muchLater(), DIGEST);
        try (var entries = Files.list(tmp.resolve("memo"))) {
            Path entry = entries.findFirst().orElseThrow();
            Files.writeString(entry, Files.readString(entry).replace(DIGEST, "not a digest"));
        }
        assertNull(memo().recall(f, s));
    }

    @Test
    void anUnwritableFolderOnlyCostsTheHashing() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n");
        Path notADir = Files.writeString(tmp.resolve("file-in-the-way"), "");
        FileDigestMemo blocked = new FileDigestMemo(notADir.resolve("memo"), 0);
        FileDigestMemo.State s = blocked.state(f);
        blocked.remember(f, s, s, muchLater(), DIGEST); // no exception
        assertNull(blocked.recall(f, s));
    }

    @Test
    void fileDigestsAsksTheMemoBeforeReadingABigFile() throws Exception {
        Path big = Files.writeString(tmp.resolve("big.csv"), "x,y\n" + "1,2\n".repeat(1_200_000)); // above the smallest remembered
        Path other = Files.writeString(tmp.resolve("other.csv"), "x,y\n" + "3,4\n".repeat(1_200_000));
        String previous = System.getProperty("anneal.digests.dir");
        System.setProperty("anneal.digests.dir", tmp.resolve("memo").toString());
        try {
            FileDigestMemo standard = FileDigestMemo.standard();
            FileDigestMemo.State s = standard.state(big);
            standard.remember(big, s, s, muchLater(), DIGEST); // what an earlier run would have left (here a value no hash gives)
            assertEquals(DIGEST, FileDigests.sha256(big), "recalled, not read");
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            assertEquals(java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(other))), FileDigests.sha256(other),
                    "a file the memo does not know is hashed");
            assertNull(standard.recall(other, standard.state(other)), "and, written a moment ago, not remembered");
        } finally {
            if (previous == null) {
                System.clearProperty("anneal.digests.dir");
            } else {
                System.setProperty("anneal.digests.dir", previous);
            }
        }
    }
}
