package org.anneal.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.anneal.spec.ColumnRole;

/**
 * A big CSV read by two {@link CsvFastReader}s at once, one from the start and one from the first line break after
 * the middle, on two cores: the largest node of bench/leakage-bench.sh (200 MB, 1,000,000 × 21 numbers) took 0.8 s on
 * one. Every cell goes through the same code as in a read from start to end, so the numbers are the same doubles.
 * A line break is a record's end only where no quoted cell can span lines: when the first half held a quote, the
 * halves are dropped and the file is read from start to end.
 */
final class CsvHalves {
    /** Below this a second thread costs more than it saves. */
    static final long FROM_BYTES = 32L << 20;
    /** How far past the middle a line break is looked for. */
    private static final int SEARCH = 1 << 20;

    private CsvHalves() {
    }

    /** The table, or null when the file must be read from start to end (no line break near the middle, a quote, a cell that needs Jackson). */
    static Table read(Path file, long size, Supplier<CsvFastReader> readers, CsvFormat format, Map<String, ColumnRole> roles,
                      Runnable checkCancelled, DoubleConsumer progress) throws IOException {
        long split = lineStartAfter(file, size / 2);
        CsvFastReader head = readers.get();
        CsvFastReader tail = readers.get();
        if (split < 0 || head == null) {
            return null;
        }
        AtomicBoolean abandoned = new AtomicBoolean();
        Runnable tailChecks = () -> {
            if (abandoned.get()) {
                throw new CancellationException();
            }
            checkCancelled.run();
        };
        CompletableFuture<ColumnBuffers> rest = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.position(split);
                rest.complete(tail.rows(Channels.newInputStream(ch), size - split, format, false, tailChecks, x -> { }));
            } catch (Throwable e) {
                rest.completeExceptionally(e);
            }
        }, "anneal-csv-second-half");
        t.setDaemon(true);
        t.start();
        ColumnBuffers first;
        try (InputStream in = new Bounded(java.nio.file.Files.newInputStream(file), split)) {
            first = head.rows(in, split, format, true, checkCancelled, progress);
        } catch (RuntimeException | IOException e) {
            abandoned.set(true);
            throw e;
        }
        if (first == null || head.sawQuote || !head.pastHeader) { // a quote, or the middle still in the header lines
            abandoned.set(true);
            return null;
        }
        ColumnBuffers second;
        try {
            second = rest.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CancellationException) {
                return null;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the run was cancelled while the second half was read
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return second == null ? null : ColumnBuffers.build(first, second, format, roles);
    }

    /** The offset just after the first line feed at or after {@code from}, or -1 when none lies within {@link #SEARCH} bytes. */
    static long lineStartAfter(Path file, long from) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(SEARCH, Math.max(0, ch.size() - from)));
            while (b.hasRemaining() && ch.read(b, from + b.position()) > 0) {
                // until full or at the end of the file
            }
            for (int i = 0; i < b.position(); i++) {
                if (b.get(i) == '\n') {
                    return from + i + 1;
                }
            }
        }
        return -1;
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int r = super.read(buf, off, (int) Math.min(len, left));
            left -= Math.max(0, r);
            return r;
        }
    }
}
