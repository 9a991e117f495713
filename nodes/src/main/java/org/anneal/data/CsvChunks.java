package org.anneal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.anneal.spec.ColumnType;

/**
 * A large file read on several cores: cut after line breaks into one piece per core, each piece read by its own
 * {@link CsvFastReader}, the pieces' columns joined in order and their category levels merged in order of first
 * appearance, so the table is the one a single reader gives. A cut is only safe where no quoted cell spans it, so a
 * quote anywhere in the data stops every piece and the single reader starts over (which reads quotes).
 */
final class CsvChunks {
    /** Below this per piece, starting threads costs more than it saves. */
    static final long MIN_CHUNK = 8L << 20;
    /** How far past a planned cut to look for a line break. */
    private static final int LOOK_AHEAD = 1 << 20;

    private CsvChunks() {
    }

    /** The columns, or null when the file is too small, has no line break to cut at, or has anything a piece refuses. */
    static ColumnBuffers read(Path file, long size, int skip, List<ColumnType> types, Supplier<CsvFastReader> readers, int threads, long minChunk,
                              Runnable checkCancelled, DoubleConsumer progress) throws IOException {
        int k = (int) Math.min(threads, size / Math.max(1, minChunk));
        if (k < 2) {
            return null;
        }
        long[] cut = cuts(file, size, k);
        if (cut == null) {
            return null;
        }
        AtomicLongArray done = new AtomicLongArray(k);
        AtomicBoolean stop = new AtomicBoolean(); // one piece refused the data, or the run was cancelled: all stop
        Runnable stopped = () -> {
            if (stop.get()) {
                throw new CancellationException();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(k, r -> {
            Thread t = new Thread(r, "csv-piece");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ColumnBuffers>> parts = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                final int piece = i;
                final long from = cut[i];
                final long length = cut[i + 1] - from;
                parts.add(pool.submit(() -> {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        CsvFastReader r = readers.get();
                        ColumnBuffers cols = r.rows(new Range(ch, from, from + length), length, piece == 0 ? skip : 0, piece == 0, false, types,
                                stopped, f -> done.set(piece, (long) (f * length)));
                        if (cols == null || r.skipLeft > 0) {
                            stop.set(true);
                            return null;
                        }
                        return cols;
                    } catch (CancellationException e) {
                        return null;
                    }
                }));
            }
            List<ColumnBuffers> results = new ArrayList<>();
            for (Future<ColumnBuffers> part : parts) {
                results.add(await(part, stop, checkCancelled, () -> {
                    long sum = 0;
                    for (int i = 0; i < k; i++) {
                        sum += done.get(i);
                    }
                    progress.accept(Math.min(1.0, sum / (double) size));
                }));
            }
            return results.contains(null) ? null : join(types, results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for one piece, checking for cancellation and reporting progress on the calling thread meanwhile. */
    private static ColumnBuffers await(Future<ColumnBuffers> part, AtomicBoolean stop, Runnable checkCancelled, Runnable report) throws IOException {
        while (true) {
            try {
                checkCancelled.run();
            } catch (RuntimeException cancelled) {
                stop.set(true);
                throw cancelled;
            }
            report.run();
            try {
                return part.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // check and report again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** 0, the byte after the first line break at or after each i/k of the file, size; null without such breaks. */
    private static long[] cuts(Path file, long size, int k) throws IOException {
        long[] cut = new long[k + 1];
        cut[k] = size;
        ByteBuffer window = ByteBuffer.allocate(LOOK_AHEAD);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 1; i < k; i++) {
                long at = size / k * i;
                window.clear();
                while (window.hasRemaining() && ch.read(window, at + window.position()) > 0) {
                    // fill the window
                }
                int n = window.position();
                int lf = -1;
                for (int j = 0; j < n && lf < 0; j++) {
                    if (window.get(j) == '\n') {
                        lf = j;
                    }
                }
                if (lf < 0 || at + lf + 1 >= size || at + lf + 1 <= cut[i - 1]) {
                    return null;
                }
                cut[i] = at + lf + 1;
            }
        }
        return cut;
    }

    /** The pieces in order; each piece's category codes mapped onto the levels of those before it. */
    private static ColumnBuffers join(List<ColumnType> types, List<ColumnBuffers> parts) {
        int total = 0;
        for (ColumnBuffers p : parts) {
            total = Math.addExact(total, p.rows);
        }
        ColumnBuffers out = new ColumnBuffers(types, total);
        for (int c = 0; c < types.size(); c++) {
            int at = 0;
            for (ColumnBuffers p : parts) {
                if (out.nums[c] != null) {
                    System.arraycopy(p.nums[c], 0, out.nums[c], at, p.rows);
                } else {
                    List<String> levels = p.levels(c);
                    int[] global = new int[levels.size()];
                    for (int l = 0; l < global.length; l++) {
                        global[l] = out.code(c, levels.get(l));
                    }
                    for (int r = 0; r < p.rows; r++) {
                        int code = p.codes[c][r];
                        out.codes[c][at + r] = code < 0 ? code : global[code];
                    }
                }
                at += p.rows;
            }
        }
        out.rows = total;
        return out;
    }

    /** Bytes [from, to) of a file. */
    private static final class Range extends InputStream {
        private final FileChannel ch;
        private long pos;
        private final long to;

        Range(FileChannel ch, long from, long to) {
            this.ch = ch;
            this.pos = from;
            this.to = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= to) {
                return -1;
            }
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - pos)), pos);
            if (n > 0) {
                pos += n;
            }
            return n;
        }
    }
}
