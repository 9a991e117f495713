package org.anneal.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.anneal.spec.ColumnType;

/**
 * A big CSV read in byte ranges cut at line ends, on every core (issue 16: data.csv took 0.8 s of the 0.9 s the nodes of
 * bench/leakage-bench.sh spend, on one core). Each piece goes through its own {@link CsvFastReader}, so every cell is
 * read by the same code as in a read from start to end. The line ends of every piece are counted first (a plain byte
 * loop, about a tenth of the parse), which gives each piece its rows' place in the table's columns: the pieces write
 * there directly, and the table is not copied at the end, so one table stands in memory while reading, not two (the
 * single reader grows buffers and trims them with a copy; session 9's halves copied two). Blank lines or line breaks
 * in quotes leave a piece short of its share: then {@link ColumnBuffers#join} closes the gaps with a copy. Categories
 * are numbered in order of first appearance, as one reader numbers them.
 *
 * <p>A line end is a record's end unless a quoted cell spans it. The first piece starts the file; a piece read to its
 * end outside a quote ends where the next record starts, so the next piece started right; a piece that ended inside a
 * quoted cell ({@link CsvFastReader#endedInQuote}) says the cut was wrong, and the file is read in one piece instead.
 * A piece that needs the Jackson path sends the whole file there, which words the located error with its line.
 *
 * <p>The pieces are a few times more than the threads and are taken in turn, so a thread slowed by a busy machine takes
 * fewer, and the reading method is compiled after the first pieces rather than run long in one interpreted call. Two
 * threads of a cold process cost about 15 % more CPU time than one (both run the parse before it is compiled; measured
 * on a machine loaded 10-12 on 2 cores, where they gained no wall time either): the gain needs a free core. Only the
 * calling thread reports progress and asks whether the run was cancelled; the other threads stop at their next 4,096
 * rows when it says so.
 */
final class CsvPieces {
    /** Below this one core reads the file in about a tenth of a second, less than a second thread is worth. */
    static final long FROM_BYTES = 8L << 20;
    /** Pieces below this size cost more in starts than they gain in sharing. */
    private static final long MIN_PIECE = 4L << 20;
    /** The node runs beside other nodes and the checks; more threads than this only contend. */
    static final int MAX_THREADS = 4;
    /** System property: threads that read a big file (default: the cores, at most {@link #MAX_THREADS}; 1 reads the pieces one after another). */
    static final String THREADS_PROPERTY = "anneal.csv.threads";

    /** What the pieces gave: their columns in file order, or null for the Jackson path; {@link #ONE_PIECE}: read it whole. */
    record Outcome(List<ColumnBuffers> parts) {
        static final Outcome ONE_PIECE = new Outcome(List.of());
        static final Outcome JACKSON = new Outcome(null);
    }

    private CsvPieces() {
    }

    /** About four pieces a thread, none under {@link #MIN_PIECE}. */
    static int piecesFor(long size, int threads) {
        return (int) Math.max(1, Math.min(4L * threads, size / MIN_PIECE));
    }

    static Outcome read(Path file, long size, int pieces, int threads, Supplier<CsvFastReader> readers, CsvFormat format,
                        Runnable checkCancelled, DoubleConsumer progress) throws IOException {
        long[] starts = cuts(file, size, pieces);
        int n = starts.length - 1;
        if (n < 2) {
            return Outcome.ONE_PIECE;
        }
        // first the line ends of each piece: a piece holds at most one row per line end (blank lines and line breaks in
        // quotes leave rows out), so that every piece can write its rows straight into the table's columns
        long[] lineEnds = new long[n];
        together(n, threads, checkCancelled, (i, checks, caller) -> {
            lineEnds[i] = lineEnds(file, starts[i], starts[i + 1], i == n - 1, checks);
            return true;
        });
        int[] offsets = new int[n + 1];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long share = lineEnds[i] - (i == 0 ? (format.unitsRow() ? 2 : 1) : 0); // the header (and units) lines are no rows
            total += Math.max(0, share);
            if (total > Integer.MAX_VALUE - 8) {
                return Outcome.ONE_PIECE; // the reader from start to end says what is wrong with a file of more rows than a table holds
            }
            offsets[i + 1] = (int) total;
        }
        List<ColumnType> types = format.types();
        double[][] nums = new double[types.size()][];
        int[][] codes = new int[types.size()][];
        for (int c = 0; c < types.size(); c++) {
            if (types.get(c) == ColumnType.NUMERIC) {
                nums[c] = new double[(int) total];
            } else {
                codes[c] = new int[(int) total];
            }
        }
        CsvFastReader[] used = new CsvFastReader[n];
        ColumnBuffers[] parts = new ColumnBuffers[n];
        AtomicLongArray read = new AtomicLongArray(n);
        together(n, threads, checkCancelled, (i, checks, caller) -> {
            long length = starts[i + 1] - starts[i];
            CsvFastReader r = readers.get();
            ColumnBuffers share = new ColumnBuffers(types, nums, codes, offsets[i], offsets[i + 1] - offsets[i]);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.position(starts[i]);
                parts[i] = r.rows(Channels.newInputStream(ch), length, length, format, i == 0, share, checks, x -> {
                    read.set(i, (long) (x * length));
                    if (caller) {
                        long sum = 0;
                        for (int j = 0; j < n; j++) {
                            sum += read.get(j);
                        }
                        progress.accept(Math.min(1.0, sum / (double) size));
                    }
                });
            }
            used[i] = r;
            return parts[i] != null; // a piece handed back: the file is read another way, the pieces after it are not needed
        });
        for (int i = 0; i < n; i++) { // in file order: a wrong cut shows in the piece before the one it garbled
            if (used[i] == null) {
                return Outcome.ONE_PIECE; // left when a later piece was handed back, which may have started in a quoted cell
            }
            if (parts[i] == null) {
                return used[i].endedInQuote || used[i].overflow ? Outcome.ONE_PIECE : Outcome.JACKSON;
            }
            if (i == 0 && !used[i].pastHeader) {
                return Outcome.ONE_PIECE; // the first cut fell in the header or units line
            }
        }
        progress.accept(1.0);
        return new Outcome(List.of(parts));
    }

    /** A piece's work; false stops the pieces not yet started. */
    private interface Work {
        boolean run(int piece, Runnable checks, boolean caller) throws IOException;
    }

    /**
     * Does {@code work} for pieces 0 to n - 1 on {@code threads} threads, the calling thread one of them; only the calling
     * thread asks {@code checkCancelled} (in its work, and every 20 ms while it waits for the others), and the others stop
     * at their next check once it threw. What a piece threw is thrown here.
     */
    private static void together(int n, int threads, Runnable checkCancelled, Work work) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable helperChecks = () -> {
            if (stop.get()) {
                throw new Stopped();
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, n); t++) {
            Thread th = new Thread(() -> take(n, next, stop, failed, helperChecks, work, false), "anneal-csv-piece-" + t);
            th.setDaemon(true);
            th.start();
            helpers.add(th);
        }
        try {
            take(n, next, stop, failed, checkCancelled, work, true);
            for (Thread th : helpers) {
                while (th.isAlive()) {
                    th.join(20);
                    checkCancelled.run();
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            checkCancelled.run();
            throw new IOException("interrupted while reading", e);
        } catch (RuntimeException | Error e) {
            stop.set(true); // cancelled: the helpers stop at their next rows
            throw e;
        }
        Throwable e = failed.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }

    /** Takes pieces until none is left or the work stopped; the calling thread's own failure goes up at once. */
    private static void take(int n, AtomicInteger next, AtomicBoolean stop, AtomicReference<Throwable> failed, Runnable checks, Work work,
                             boolean caller) {
        for (int i = next.getAndIncrement(); i < n && !stop.get(); i = next.getAndIncrement()) {
            try {
                if (!work.run(i, checks, caller)) {
                    stop.set(true);
                }
            } catch (Stopped e) {
                return;
            } catch (Throwable e) {
                stop.set(true);
                if (caller && e instanceof RuntimeException r) {
                    throw r;
                }
                if (caller && e instanceof Error err) {
                    throw err;
                }
                failed.compareAndSet(null, e);
                return;
            }
        }
    }

    /** Thrown in a helper thread when the work stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** Line feeds and lone carriage returns in {@code [from, to)} of the file; {@code last}: and a last line that has none. */
    private static long lineEnds(Path file, long from, long to, boolean last, Runnable checks) throws IOException {
        long count = 0;
        byte end = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // direct: the channel reads into it, where into an array it reads into a buffer of its own and copies
            ByteBuffer bb = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (long at = from; at < to; ) {
                bb.clear();
                bb.limit((int) Math.min(bb.capacity(), to - at));
                int r = ch.read(bb, at);
                if (r <= 0) {
                    break;
                }
                count += lineEnds(bb, r, end);
                end = bb.get(r - 1);
                at += r;
                if ((at & ((1 << 24) - 1)) < r) {
                    checks.run(); // every 16 MB
                }
            }
        }
        return count + (end == '\r' || last && end != '\n' ? 1 : 0);
    }

    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long CR = 0x0D0D0D0D0D0D0D0DL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /**
     * Line ends in the first {@code r} bytes of {@code bb} (little-endian): line feeds, and carriage
     * returns not followed by one (counted where the next byte is seen; {@code before}: the last byte of the previous
     * block, a carriage return at its end counted here). Eight bytes at a time while the block holds no carriage return
     * (a line feed is a zero byte of the word XOR 0x0A..., counted exactly without borrows between bytes); a block with
     * one is counted byte by byte, the one rule for both.
     */
    static long lineEnds(ByteBuffer bb, int r, byte before) {
        long count = before == '\r' && bb.get(0) != '\n' ? 1 : 0;
        long crs = 0;
        int i = 0;
        for (; i + 8 <= r; i += 8) {
            long x = bb.getLong(i);
            count += Long.bitCount(zeroBytes(x ^ LF));
            crs |= zeroBytes(x ^ CR);
        }
        if (crs != 0) {
            count = before == '\r' && bb.get(0) != '\n' ? 1 : 0;
            i = 0;
        }
        for (; i < r; i++) {
            byte x = bb.get(i);
            if (x == '\n' || x == '\r' && i + 1 < r && bb.get(i + 1) != '\n') {
                count++;
            }
        }
        return count;
    }

    /** The high bit of every byte of {@code x} that is zero, and no other bit. */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /**
     * Where the pieces start: 0, then just after the first line feed at or after each k/{@code pieces} of the file,
     * then the file's size. A cut with no line feed within a line's bound ({@link CsvBounds#MAX_LINE_BYTES}) is left out.
     */
    static long[] cuts(Path file, long size, int pieces) throws IOException {
        long[] starts = new long[pieces + 1];
        int n = 0;
        starts[n++] = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            for (int k = 1; k < pieces; k++) {
                long from = Math.max(starts[n - 1], size * k / pieces);
                long cut = lineStartAfter(ch, b, from, size);
                if (cut > starts[n - 1] && cut < size) {
                    starts[n++] = cut;
                }
            }
        }
        starts[n++] = size;
        return Arrays.copyOf(starts, n);
    }

    private static long lineStartAfter(FileChannel ch, ByteBuffer b, long from, long size) throws IOException {
        long limit = Math.min(size, from + CsvBounds.MAX_LINE_BYTES);
        for (long at = from; at < limit; ) {
            b.clear();
            b.limit((int) Math.min(b.capacity(), limit - at));
            int r = ch.read(b, at);
            if (r <= 0) {
                return -1;
            }
            for (int i = 0; i < r; i++) {
                if (b.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += r;
        }
        return -1;
    }
}
