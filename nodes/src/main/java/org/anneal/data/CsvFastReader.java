package org.anneal.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.anneal.spec.ColumnRole;

/**
 * A byte-level CSV reader for files in an ASCII-compatible encoding (UTF-8, Windows-1252, ISO-8859-1). Jackson's
 * path spent its time (JFR, 1,000,000 × 20 numbers) about 40 % in {@code Double.parseDouble}, 20 % hashing a String
 * per cell to look it up in the missing-token set and 25 % in its tokenizer; this one parses numbers straight from
 * the bytes, compares cells with the missing tokens as bytes, and makes a String only for categories.
 *
 * <p>It is optimistic: it follows Jackson's rules (TRIM_SPACES, SKIP_EMPTY_LINES, doubled quotes) for what files
 * usually hold, and returns null on anything else: a quote inside an unquoted cell, text after a closing quote,
 * an unclosed quote, a row of the wrong width, a cell that is not a number, a long cell ending in blanks (Jackson
 * trims those per buffer segment). {@link CsvReader} then reads the file again with Jackson, which words the
 * located error, so the messages live in one place and the rare fallback costs one extra read.
 */
final class CsvFastReader {
    private static final int MORE = -1; // the record runs past the buffer
    private static final int BAIL = -2; // only the Jackson path handles this exactly
    private static final int END = -3;
    /** Longer cells might span two of Jackson's text segments, whose trailing blanks it trims differently. */
    private static final int SHORT_CELL = 128;

    private final byte sep;
    /** Bytes that end an unquoted cell (delimiter, CR, LF) or make it one for Jackson ('"'). */
    private final boolean[] stops = new boolean[256];
    private final Charset cs;
    private final byte mark;
    private final boolean decimalComma;
    private final Set<String> missing;
    private final byte[][] missingBytes;
    private final long missingLengths; // bit i: some token has i bytes (tokens of 64+ bytes set bit 63)
    /** Records of plain numbers may take {@link #plainRecords}: no missing token looks like one, and the decimal mark is no delimiter. */
    private final boolean plainNumbers;
    private byte[] buf;
    private int end;
    private boolean eof;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] doubledQuotes = new boolean[64];
    private int fields;
    /** Bytes of the stream still to read: a piece of a file ends before the file does. */
    private long left = Long.MAX_VALUE;
    /** The bytes ended inside a quoted cell: in a piece of a file, a line end inside a quote was taken for a record's end. */
    boolean endedInQuote;
    /** The header (and units) lines have been read: what follows is data. */
    boolean pastHeader;
    /** More rows than a piece's share of the table's columns ({@link ColumnBuffers#ensureRoom}). */
    boolean overflow;

    private CsvFastReader(char sep, Charset cs, boolean decimalComma, Set<String> missing, byte[][] missingBytes, int bufferSize) {
        this.buf = new byte[Math.max(4, bufferSize)]; // room for a byte-order mark
        this.sep = (byte) sep;
        for (char c : new char[] {sep, '\r', '\n', '"'}) {
            stops[c] = true;
        }
        this.cs = cs;
        this.decimalComma = decimalComma;
        this.mark = (byte) (decimalComma ? ',' : '.');
        this.missing = missing;
        this.missingBytes = missingBytes;
        long lengths = 0;
        for (byte[] m : missingBytes) {
            lengths |= 1L << Math.min(63, m.length);
        }
        this.missingLengths = lengths;
        boolean plain = this.mark != this.sep;
        for (byte[] m : missingBytes) {
            plain &= !maybePlain(m);
        }
        this.plainNumbers = plain;
    }

    /** Whether a missing token could be a cell {@link #plainRecords} reads as a number (it then leaves every record to the general path). */
    private boolean maybePlain(byte[] token) {
        if (token.length == 0) {
            return false; // a plain cell has a digit
        }
        for (byte x : token) {
            if (!(x >= '0' && x <= '9' || x == '-' || x == '+' || x == mark)) {
                return false;
            }
        }
        return true;
    }

    /** The table, or null when the file needs the Jackson path; a file of {@link CsvPieces#FROM_BYTES} or more is read in pieces, on every core. */
    static Table read(Path file, CsvReader.Options opt, CsvFormat format, Map<String, ColumnRole> roles,
                      Runnable checkCancelled, DoubleConsumer progress) throws IOException {
        long size = Files.size(file);
        int threads = Integer.getInteger(CsvPieces.THREADS_PROPERTY, Math.min(CsvPieces.MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        int pieces = size < CsvPieces.FROM_BYTES ? 1 : CsvPieces.piecesFor(size, Math.max(1, threads));
        return read(file, opt, format, roles, checkCancelled, progress, 1 << 20, pieces, threads);
    }

    /** From start to end in one piece, with a buffer of {@code bufferSize} bytes to start with; tests make it tiny so that records cross its end. */
    static Table read(Path file, CsvReader.Options opt, CsvFormat format, Map<String, ColumnRole> roles,
                      Runnable checkCancelled, DoubleConsumer progress, int bufferSize) throws IOException {
        return read(file, opt, format, roles, checkCancelled, progress, bufferSize, 1, 1);
    }

    /** In about {@code pieces} byte ranges cut at line ends, read by {@code threads} threads (see {@link CsvPieces}). */
    static Table read(Path file, CsvReader.Options opt, CsvFormat format, Map<String, ColumnRole> roles,
                      Runnable checkCancelled, DoubleConsumer progress, int bufferSize, int pieces, int threads) throws IOException {
        CsvFastReader r = create(opt, format, bufferSize);
        if (r == null) {
            return null;
        }
        long size = Files.size(file);
        if (pieces > 1) {
            CsvPieces.Outcome o = CsvPieces.read(file, size, pieces, threads, () -> create(opt, format, bufferSize), format, checkCancelled, progress);
            if (o != CsvPieces.Outcome.ONE_PIECE) {
                return o.parts() == null ? null : ColumnBuffers.join(o.parts(), format, roles);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            ColumnBuffers cols = r.rows(in, Long.MAX_VALUE, Math.max(1, size), format, true, new ColumnBuffers(format.types()), checkCancelled, progress);
            return cols == null ? null : ColumnBuffers.join(List.of(cols), format, roles);
        }
    }

    /** A reader for the file's format, or null when the format needs the Jackson path. */
    static CsvFastReader create(CsvReader.Options opt, CsvFormat format, int bufferSize) {
        Charset cs = Charset.forName(format.charset());
        char d = format.delimiter();
        boolean asciiCompatible = cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.ISO_8859_1)
                || cs.equals(CsvDialect.WINDOWS_1252) || cs.equals(StandardCharsets.US_ASCII);
        if (!asciiCompatible || d >= 0x80 || d == '"' || d == ' ' || d == '\r' || d == '\n') {
            return null;
        }
        List<byte[]> tokens = new ArrayList<>();
        for (String m : opt.missing()) {
            if (m.indexOf('\uFFFD') >= 0) {
                return null; // would match undecodable bytes, which a byte comparison cannot see
            }
            if (cs.newEncoder().canEncode(m)) {
                tokens.add(m.getBytes(cs));
            } // else no cell of this file can spell it
        }
        return new CsvFastReader(d, cs, format.decimalComma(), opt.missing(), tokens.toArray(byte[][]::new), bufferSize);
    }

    /**
     * The rows of the first {@code limit} bytes of {@code in} ({@code size} of them expected, for progress and the
     * columns' first size), into {@code cols}; {@code head}: they start the file (byte-order mark, header, units lines),
     * else they start at a record. Null when they need the Jackson path, with {@link #endedInQuote} set when a quoted
     * cell ran past them, or {@link #overflow} when they held more rows than a piece's share of the columns.
     */
    ColumnBuffers rows(InputStream in, long limit, long size, CsvFormat format, boolean head, ColumnBuffers cols,
                       Runnable checkCancelled, DoubleConsumer progress) throws IOException {
        left = limit;
        fill(in);
        int pos = 0;
        if (head && cs.equals(StandardCharsets.UTF_8) && end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        long before = 0; // bytes moved out of the buffer
        int skip = !head ? 0 : format.unitsRow() ? 2 : 1; // header and units, read by sniff
        int width = format.header().size();
        long dataStart = 0;
        double[][] plain = plainNumbers && cols.allNumeric() ? cols.nums : null;
        int misses = 0; // records in a row the plain path left to the general one
        while (true) {
            if (plain != null && skip == 0) {
                // up to the next multiple of 4,096 rows, where the general path checks, reports and sizes
                int max = Math.min(cols.room(), 0x1000 - (cols.rows & 0xFFF));
                int read = max <= 0 ? 0 : plainRecords(pos, afterLastLineEnd(pos), plain, cols.offset + cols.rows, max);
                if (read == 0 && max > 0 && ++misses == PLAIN_MISSES) {
                    plain = null; // a file of numbers in another shape (exponents, quotes): each try would only cost
                }
                if (read > 0) {
                    misses = 0;
                    pos = plainEnd;
                    pastHeader = true;
                    cols.rows += read;
                    if ((cols.rows & 0xFFF) == 0) {
                        if (cols.rows == 1 << 12) { // the head's bytes per row tell the size of the whole
                            cols.reserve((long) ((size - dataStart) / ((before + pos - dataStart) / (double) cols.rows) * 1.02));
                        }
                        checkCancelled.run();
                        progress.accept(Math.min(1.0, (before + pos) / (double) size));
                    }
                    continue;
                }
            }
            int next = record(pos);
            if (next == MORE) {
                before += pos;
                pos = refill(in, pos);
                continue;
            }
            if (next == BAIL) {
                return null;
            }
            if (next == END) {
                break;
            }
            pos = next;
            if (skip > 0) {
                skip--;
                dataStart = before + pos;
                continue;
            }
            pastHeader = true;
            if (fields != width) {
                return null;
            }
            if (!cols.ensureRoom()) {
                overflow = true;
                return null;
            }
            if (!convert(cols)) {
                return null;
            }
            if ((++cols.rows & 0xFFF) == 0) {
                if (cols.rows == 1 << 12) { // the head's bytes per row tell the size of the whole
                    cols.reserve((long) ((size - dataStart) / ((before + pos - dataStart) / (double) cols.rows) * 1.02));
                }
                checkCancelled.run();
                progress.accept(Math.min(1.0, (before + pos) / (double) size));
            }
        }
        if (skip > (format.unitsRow() ? 1 : 0)) {
            return null; // no header at all: let the reference reader decide
        }
        progress.accept(1.0);
        return cols;
    }

    private void fill(InputStream in) throws IOException {
        while (end < buf.length && !eof) {
            int r = left <= 0 ? -1 : in.read(buf, end, (int) Math.min(buf.length - end, left));
            if (r < 0) {
                eof = true;
            } else {
                end += r;
                left -= r;
            }
        }
    }

    /** Moves the unfinished record at {@code pos} to the front (growing the buffer if it fills it) and reads on. */
    private int refill(InputStream in, int pos) throws IOException {
        int left = end - pos;
        if (pos == 0) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else {
            System.arraycopy(buf, pos, buf, 0, left);
        }
        end = left;
        fill(in);
        return 0;
    }

    /** After this many records in a row that are not plain, a reader stops trying {@link #plainRecords}. */
    private static final int PLAIN_MISSES = 64;

    /** Where {@link #plainRecords} stopped. */
    private int plainEnd;

    /** The position after the last line end in the buffer from {@code p}, or {@code p}: the records before it are whole. */
    private int afterLastLineEnd(int p) {
        for (int i = end - 1; i >= p; i--) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return i + 1;
            }
        }
        return p;
    }

    /**
     * Reads records from {@code p} while each is one of plain numbers only ({@code [+-]digits[.digits]}, at most 18
     * digits, the delimiter right after each and a line end after the last: what a numeric export writes) and ends before
     * {@code limit}, at most {@code max} of them, into rows {@code row} on; returns how many, {@link #plainEnd} the
     * position after them. The record it stops at (blanks, quotes, exponents, missing or wide cells, a row of another
     * width) is left to {@link #record} and {@link #convert}, which read every record as before; the cells it stored of
     * that one are written again there. In one pass over the bytes it finds the cells and reads their numbers, where the
     * general path splits a record first and reads each cell again; the value is the one {@link DecimalBytes#parse} gives
     * ({@link DecimalBytes#exact}, shared), so a file reads the same either way. The records come in batches, not one call each, so
     * that the JIT compiles one loop that leaves only when a batch ends; the records are whole before {@code limit}, so
     * the end of the buffer never stops one halfway.
     */
    private int plainRecords(int p, int limit, double[][] nums, int row, int max) {
        final byte[] b = buf;
        final byte sep = this.sep;
        final byte mark = this.mark;
        final int last = nums.length - 1;
        int read = 0;
        records:
        for (; read < max; read++) {
            int q = p;
            while (q < limit && (b[q] == '\n' || b[q] == '\r')) { // the line feed of a CR LF, or blank lines
                q++;
            }
            for (int c = 0; c <= last; c++) {
                if (q >= limit) {
                    break records;
                }
                boolean negative = false;
                if (b[q] == '-' || b[q] == '+') {
                    negative = b[q] == '-';
                    q++;
                }
                long m = 0;
                int start = q;
                int d;
                while (q < limit && (d = b[q] - '0') >= 0 && d <= 9) {
                    m = m * 10 + d;
                    q++;
                }
                int digits = q - start;
                int exp = 0;
                if (q < limit && b[q] == mark) {
                    int fraction = ++q;
                    while (q < limit && (d = b[q] - '0') >= 0 && d <= 9) {
                        m = m * 10 + d;
                        q++;
                    }
                    exp = fraction - q;
                    digits -= exp;
                }
                if (digits == 0 || digits > 18 || q >= limit || (c < last ? b[q] != sep : b[q] != '\n' && b[q] != '\r')) {
                    break records;
                }
                double v = DecimalBytes.exact(m, exp, negative);
                if (Double.isNaN(v)) {
                    break records;
                }
                q++;
                nums[c][row + read] = v;
            }
            p = q;
        }
        plainEnd = p;
        return read;
    }

    /**
     * Splits the record at {@code p} into cells ({@link #starts}, {@link #ends}, {@link #fields}) the way Jackson's
     * CsvDecoder does with TRIM_SPACES and SKIP_EMPTY_LINES. Returns the position after it, {@link #MORE},
     * {@link #BAIL} or {@link #END}.
     */
    private int record(int p) {
        final byte[] b = buf;
        final int end = this.end;
        final int sep = this.sep;
        while (true) { // lines of spaces are empty lines
            if (p == end) {
                return eof ? END : MORE;
            }
            byte c = b[p];
            if (c != ' ' && c != '\r' && c != '\n') {
                break;
            }
            p++;
        }
        int n = 0;
        while (true) {
            int c = -1;
            while (p < end) { // blanks before a cell, but not the delimiter itself when it is a tab
                c = b[p] & 0xFF;
                if (c > ' ' || c == sep || c == '\r' || c == '\n') {
                    break;
                }
                c = -1;
                p++;
            }
            if (c < 0) {
                if (!eof) {
                    return MORE;
                }
                n = cell(n, p, p, false);
                fields = n;
                return p;
            }
            if (c == sep) {
                n = cell(n, p, p, false);
                p++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                n = cell(n, p, p, false);
                fields = n;
                return p + 1;
            }
            if (c == '"') {
                int s = p + 1;
                int q = s;
                boolean doubled = false;
                while (true) {
                    if (q >= end) {
                        endedInQuote = eof;
                        return eof ? BAIL : MORE; // unclosed quote: Jackson's error (or a piece cut inside a quoted cell)
                    }
                    if (b[q] == '"') {
                        if (q + 1 >= end && !eof) {
                            return MORE;
                        }
                        if (q + 1 < end && b[q + 1] == '"') {
                            doubled = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    q++;
                }
                n = cell(n, s, q, doubled);
                p = q + 1;
                while (true) { // only blanks may follow the closing quote
                    if (p >= end) {
                        if (!eof) {
                            return MORE;
                        }
                        fields = n;
                        return p;
                    }
                    c = b[p] & 0xFF;
                    if (c == sep) {
                        p++;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        fields = n;
                        return p + 1;
                    }
                    if (c > ' ') {
                        return BAIL;
                    }
                    p++;
                }
                continue;
            }
            int s = p;
            final boolean[] stops = this.stops;
            while (p < end && !stops[b[p] & 0xFF]) {
                p++;
            }
            if (p == end && !eof) {
                return MORE;
            }
            if (p < end && b[p] == '"') {
                return BAIL;
            }
            int e = p;
            while ((b[e - 1] & 0xFF) <= ' ') { // b[s] > ' ' stops it
                e--;
            }
            if (e < p && p - s > SHORT_CELL) {
                return BAIL;
            }
            n = cell(n, s, e, false);
            if (p == end) {
                fields = n;
                return p;
            }
            if (b[p] == sep) {
                p++;
                continue;
            }
            fields = n;
            return p + 1;
        }
    }

    private int cell(int n, int s, int e, boolean doubled) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, 2 * n);
            ends = Arrays.copyOf(ends, 2 * n);
            doubledQuotes = Arrays.copyOf(doubledQuotes, 2 * n);
        }
        starts[n] = s;
        ends[n] = e;
        doubledQuotes[n] = doubled;
        return n + 1;
    }

    /** Stores the cells of the current record as row {@code cols.rows}; false when one needs the Jackson path. */
    private boolean convert(ColumnBuffers cols) {
        final int n = cols.offset + cols.rows;
        final double[][] nums = cols.nums;
        for (int c = 0; c < fields; c++) {
            int s = starts[c];
            int e = ends[c];
            if (nums[c] != null) {
                double v = Double.NaN;
                if (doubledQuotes[c] || !isMissing(s, e) && Double.isNaN(v = DecimalBytes.parse(buf, s, e, mark))) {
                    // quotes to undo, or a number only Double.parseDouble reads ("1e400", "NaN"), or no number at all
                    String t = text(c);
                    if (!missing.contains(t)) {
                        try {
                            v = CsvDialect.parse(t, decimalComma);
                        } catch (NumberFormatException x) {
                            return false;
                        }
                        if (!Double.isFinite(v)) {
                            return false; // "NaN", "Infinity", "1e400": the Jackson path words the located error
                        }
                    }
                }
                nums[c][n] = v;
            } else {
                String t = text(c);
                cols.codes[c][n] = missing.contains(t) ? -1 : cols.code(c, t);
            }
        }
        return true;
    }

    private String text(int c) {
        String t = new String(buf, starts[c], ends[c] - starts[c], cs);
        return doubledQuotes[c] ? t.replace("\"\"", "\"") : t;
    }

    private boolean isMissing(int s, int e) {
        int len = e - s;
        if ((missingLengths & (1L << Math.min(63, len))) == 0) {
            return false;
        }
        for (byte[] m : missingBytes) {
            if (m.length == len && Arrays.equals(buf, s, e, m, 0, len)) {
                return true;
            }
        }
        return false;
    }
}
