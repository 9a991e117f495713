package org.anneal.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What was learnt by reading a whole data file (its SHA-256, whether it is plain ASCII), remembered from one process to
 * the next, as git's index remembers what it hashed: the digest of the 200 MB file of bench/leakage-bench.sh cost every
 * {@code anneal run} a third of a second of one core (more in a cold JVM, where the SHA intrinsic is not yet compiled)
 * while the file's parse needed both, its ASCII scan a tenth before validation ended, and a student runs the same file
 * again and again. A value is recalled only for the very state of the file it was computed from:
 * the same device and inode, size, modification time and status-change time (ctime, in nanoseconds). The kernel sets
 * ctime on every write and no program can set it back, so new content always means a new state; the digest recalled
 * is then exactly the one hashing would give (keys, results digests and hand-ins see the same value). Two guards keep
 * it so: a value is kept only when the file's state was the same after the reading as before (no write during it),
 * and only for a file that had settled {@link #SETTLED_MILLIS} before the reading began, so that a write within the
 * same tick of the file system's clock (coarse on some systems: 2 s on FAT) cannot leave the state unchanged.
 * Where no ctime is available (no POSIX file attributes, e.g. Windows) nothing is remembered and files are read, and
 * so are files under {@link #SMALLEST_REMEMBERED} bytes.
 *
 * <p>Entries live in {@code ~/.anneal/digests}, one small file per data file and fact; {@code -Danneal.digests.dir=DIR}
 * moves them ({@code off} turns the memo off). Any failure to read or write one only means reading the file again.
 *
 * @param dir      the folder of the entries; null = remember nothing
 * @param smallest files of fewer bytes are read every time
 */
public record FileMemo(Path dir, long smallest) {
    /** How long before its reading a file must have been last changed for what was read to be kept. */
    static final long SETTLED_MILLIS = 3_000;
    /** Smaller files are hashed in less time than their entry takes to read (and would only fill the folder). */
    static final long SMALLEST_REMEMBERED = 4L << 20;
    private static final String HEADER = "anneal-file-memo 1";

    /** The memo of this user ({@code anneal.digests.dir}, else {@code ~/.anneal/digests}); off with {@code off}. */
    static FileMemo standard() {
        String dir = System.getProperty("anneal.digests.dir");
        if ("off".equals(dir)) {
            return new FileMemo(null, 0);
        }
        return new FileMemo(dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".anneal", "digests"),
                SMALLEST_REMEMBERED);
    }

    /**
     * One state of a file's content.
     *
     * @param key          device, inode, size, modification and status-change time, as recorded
     * @param changedMillis the later of the modification and status-change times
     */
    record State(String key, long changedMillis) {
    }

    /** The state of {@code file}, or null when the memo is off, the file small or the file system keeps no ctime. */
    State state(Path file) throws IOException {
        if (dir == null || Files.size(file) < smallest) {
            return null;
        }
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return null;
        }
        FileTime modified = (FileTime) a.get("lastModifiedTime");
        FileTime changed = (FileTime) a.get("ctime");
        String key = a.get("dev") + ":" + a.get("ino") + " " + a.get("size") + " " + modified.to(TimeUnit.NANOSECONDS) + " "
                + changed.to(TimeUnit.NANOSECONDS);
        return new State(key, Math.max(modified.toMillis(), changed.toMillis()));
    }

    /** A value that reads a whole file; it must return one line of text. */
    @FunctionalInterface
    public interface Reading {
        String read() throws IOException;
    }

    /**
     * What {@code read} gives for {@code file}, remembered under {@code what} for the file's present state: read once
     * per state of the file, whichever process asks.
     */
    public static String remembered(Path file, String what, Reading read) throws IOException {
        FileMemo memo = standard();
        State before = memo.state(file);
        String value = memo.recall(file, what, before);
        if (value == null) {
            long start = System.currentTimeMillis();
            value = read.read();
            memo.remember(file, what, before, memo.state(file), start, value);
        }
        return value;
    }

    /** The value remembered under {@code what} for {@code file} in exactly this state, or null. */
    String recall(Path file, String what, State state) {
        if (state == null) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(entry(file, what), StandardCharsets.UTF_8);
            if (lines.size() == 4 && lines.get(0).equals(HEADER + " " + what) && lines.get(1).equals(path(file))
                    && lines.get(2).equals(state.key()) && !lines.get(3).isEmpty()) {
                return lines.get(3);
            }
        } catch (IOException | RuntimeException missingOrGarbled) {
            // hash again
        }
        return null;
    }

    /**
     * Keeps {@code value} under {@code what} for {@code file} when it was read from one unchanged, settled state.
     *
     * @param before      the state before reading began
     * @param after       the state after the value was computed
     * @param startMillis the wall-clock time at which the reading began
     */
    void remember(Path file, String what, State before, State after, long startMillis, String value) {
        if (before == null || !before.equals(after) || before.changedMillis() > startMillis - SETTLED_MILLIS
                || value.isEmpty() || value.contains("\n") || value.contains("\r")) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path target = entry(file, what);
            // each process writes its own temporary file and renames it, so readers never see half an entry
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, HEADER + " " + what + "\n" + path(file) + "\n" + before.key() + "\n" + value + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException readOnlyHome) {
            // the memo only saves time; the digest is right either way
        }
    }

    private Path entry(Path file, String what) {
        return dir.resolve(FileDigests.sha256(path(file)).substring(0, 32) + "." + what);
    }

    private static String path(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
