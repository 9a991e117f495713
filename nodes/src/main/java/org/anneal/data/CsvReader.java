package org.anneal.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;

/**
 * Reads CSV files into {@link Table}s. The head is sniffed and every error worded with Jackson's CSV parser; the
 * full read goes through {@link CsvFastReader} (measured in bench/csv-parse-bench-*) and falls back to Jackson for what it does
 * not reproduce exactly. Every error names the line and the column, says what was expected, and how to fix the file
 * or the node's parameters.
 */
public final class CsvReader {
    /** Rows looked at to infer column types; the full read then holds every row to those types. */
    public static final int SAMPLE_ROWS = 1000;
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /** Whether the line after the header holds units. */
    public enum UnitsRow { NONE, AUTO, SECOND }

    /**
     * @param delimiter        0 to detect from the head of the file
     * @param missing          cell texts that mean "no value"
     * @param forceCategorical columns read as categories even when every value is a number
     * @param decimal          decimal mark: '.' or ',', 0 to detect
     * @param unitsRow         whether the second line holds units
     * @param charset          text encoding, null to detect
     */
    public record Options(char delimiter, Set<String> missing, Set<String> forceCategorical, char decimal, UnitsRow unitsRow,
                          Charset charset) {
        public Options {
            missing = Set.copyOf(missing);
            forceCategorical = Set.copyOf(forceCategorical);
            java.util.Objects.requireNonNull(unitsRow);
        }

        /** Detected encoding and decimal mark, no units row. */
        public Options(char delimiter, Set<String> missing, Set<String> forceCategorical) {
            this(delimiter, missing, forceCategorical, (char) 0, UnitsRow.NONE, null);
        }
    }

    private CsvReader() {
    }

    /** Reads the head of the file: encoding, delimiter, decimal mark, column names, units and types. */
    public static CsvFormat sniff(Path file, Options opt) throws CsvProblem, IOException {
        CsvBounds.checkSize(file); // issue 14: a file of gigabytes or a line of millions of characters is refused before parsing
        CsvBounds.checkHead(file, SAMPLE_ROWS + 2);
        Charset cs = opt.charset() != null ? opt.charset() : CsvDialect.detectCharset(file);
        char delim = opt.delimiter() != 0 ? opt.delimiter() : CsvDialect.detectDelimiter(file, cs);
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (Reader in = CsvDialect.open(Files.newInputStream(file), cs); CsvParser p = parser(in, delim)) {
            List<String> row = new ArrayList<>();
            long line = nextRow(p, row);
            if (line == 0) {
                throw new CsvProblem("The file is empty.", "Export the data again with a header row.", 1);
            }
            CsvBounds.checkColumns(row.size(), line);
            checkHeader(row, line);
            header.addAll(row);
            // one extra row: the first may turn out to be units
            while (rows.size() <= SAMPLE_ROWS && (line = nextRow(p, row)) > 0) {
                checkWidth(row, header, line, delim);
                rows.add(List.copyOf(row));
                lines.add(line);
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        boolean decimalComma = opt.decimal() == 0 ? CsvDialect.detectDecimalComma(delim, rows) : opt.decimal() == ',';
        boolean unitsRow = switch (opt.unitsRow()) {
            case NONE -> false;
            case SECOND -> !rows.isEmpty();
            case AUTO -> !rows.isEmpty() && CsvDialect.looksLikeUnits(rows.get(0), rows.subList(1, rows.size()), opt.missing(), decimalComma);
        };
        List<String> units = unitsRow ? rows.get(0).stream().map(CsvDialect::unit).toList() : java.util.Collections.nCopies(header.size(), "");
        int from = unitsRow ? 1 : 0;
        int to = Math.min(rows.size(), from + SAMPLE_ROWS);
        List<ColumnType> types = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            int numeric = 0;
            int text = 0;
            int firstText = -1;
            for (int r = from; r < to; r++) {
                String v = rows.get(r).get(c);
                if (opt.missing().contains(v)) {
                    continue;
                }
                if (CsvDialect.isNumber(v, decimalComma)) {
                    numeric++;
                } else if (text++ == 0) {
                    firstText = r;
                }
            }
            if (opt.forceCategorical().contains(header.get(c)) || (text > 0 && !(numeric >= 5 && numeric >= 4 * text))) {
                types.add(text == 0 && numeric == 0 && !opt.forceCategorical().contains(header.get(c)) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL);
            } else if (text == 0) {
                types.add(ColumnType.NUMERIC);
            } else {
                // mostly numbers with a few words: almost always a typo or an unmarked missing value
                throw textInNumeric(header.get(c), rows.get(firstText).get(c), lines.get(firstText), decimalComma);
            }
        }
        return new CsvFormat(delim, header, types, cs.name(), decimalComma, unitsRow, units);
    }

    /**
     * Reads every row, holding each column to the type {@code format} gave it. The byte-level {@link CsvFastReader}
     * goes first; whatever it does not reproduce exactly (an odd quote, a bad cell, UTF-16) it hands back, and the
     * file is read again with Jackson, which also words every located error.
     *
     * @param roles role per column name (columns not listed are features)
     */
    public static Table read(Path file, Options opt, CsvFormat format, Map<String, ColumnRole> roles,
                             Runnable checkCancelled, DoubleConsumer progress) throws CsvProblem, IOException {
        CsvBounds.checkSize(file); // the file may have grown since it was sniffed
        Table t = CsvFastReader.read(file, opt, format, roles, checkCancelled, progress);
        return t != null ? t : readWithJackson(file, opt, format, roles, checkCancelled, progress);
    }

    /**
     * {@link #read} with Jackson's tokenizer only: the reference the fast reader is tested against, its fallback, and
     * the "before" of bench/csv-parse-bench.
     */
    public static Table readWithJackson(Path file, Options opt, CsvFormat format, Map<String, ColumnRole> roles,
                                        Runnable checkCancelled, DoubleConsumer progress) throws CsvProblem, IOException {
        int width = format.header().size();
        long size = Math.max(1, Files.size(file));
        ColumnBuffers cols = new ColumnBuffers(format.types());
        double[][] nums = cols.nums;
        int[][] codes = cols.codes;
        try (CountingStream in = new CountingStream(Files.newInputStream(file));
             CsvParser p = parser(CsvDialect.open(in, Charset.forName(format.charset())), format.delimiter())) {
            List<String> row = new ArrayList<>();
            long line = nextRow(p, row); // header, checked by sniff
            if (format.unitsRow()) {
                nextRow(p, row);
            }
            while ((line = nextRow(p, row)) > 0) {
                checkWidth(row, format.header(), line, format.delimiter());
                cols.ensureRoom(); // a buffer of its own always grows
                int n = cols.rows;
                for (int c = 0; c < width; c++) {
                    String v = row.get(c);
                    boolean missing = opt.missing().contains(v);
                    if (nums[c] != null) {
                        nums[c][n] = missing ? Double.NaN : parseNumber(v, format.header().get(c), line, format.decimalComma());
                    } else {
                        codes[c][n] = missing ? -1 : cols.code(c, v);
                    }
                }
                cols.rows = ++n;
                if ((n & 0xFFF) == 0) {
                    checkCancelled.run();
                    progress.accept(Math.min(1.0, in.count / (double) size));
                }
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        progress.accept(1.0);
        return cols.build(format, roles);
    }

    private static CsvParser parser(Reader in, char delim) throws IOException {
        CsvParser p = (CsvParser) MAPPER.getFactory().createParser(in);
        p.setSchema(CsvSchema.emptySchema().withColumnSeparator(delim).withoutHeader());
        return p;
    }

    /** Reads the next record into {@code row}; returns its 1-based line, or 0 at the end. */
    @SuppressWarnings("deprecation") // CsvParser reports row positions on getTokenLocation only
    private static long nextRow(CsvParser p, List<String> row) throws IOException {
        row.clear();
        JsonToken t = p.nextToken();
        if (t == null) {
            return 0;
        }
        long line = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (line == 0) {
                line = p.getTokenLocation().getLineNr(); // the START_ARRAY token carries no position
            }
            row.add(p.getText());
        }
        return Math.max(1, line);
    }

    private static double parseNumber(String v, String column, long line, boolean decimalComma) throws CsvProblem {
        double x;
        try {
            x = CsvDialect.parse(v, decimalComma);
        } catch (NumberFormatException e) {
            throw textInNumeric(column, v, line, decimalComma);
        }
        if (!Double.isFinite(x)) {
            // issue 14: 1e400 read as Infinity gave NaN metrics with exit 0. A cell is a number, a listed missing token
            // (a missing value, as an empty cell is) or an error; a non-finite number is never stored.
            throw new CsvProblem("Line " + line + ", column '" + column + "': '" + v + "' is " + (Double.isNaN(x) ? "not a number (NaN)"
                    : "not a finite number (beyond ±1.8e308, the largest a double holds)") + ".",
                    "Correct the cell, or add '" + v + "' to the node's 'missing' list to read it as a missing value, as empty cells are.", line);
        }
        return x;
    }

    private static CsvProblem textInNumeric(String column, String value, long line, boolean decimalComma) {
        String mark = decimalComma ? " (this file writes decimals with a comma, like 7,85)" : "";
        return new CsvProblem("Line " + line + ", column '" + column + "': '" + value + "' is not a number, but the column holds numbers" + mark + ".",
                "Correct the cell, add '" + value + "' to the node's 'missing' list if it means no value,"
                        + " or list '" + column + "' under 'categorical'" + (decimalComma ? "; set 'decimal' if the decimal mark was guessed wrong." : "."), line);
    }

    private static void checkHeader(List<String> header, long line) throws CsvProblem {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.isEmpty()) {
                throw new CsvProblem("Header cell " + (i + 1) + " is empty.", "Give every column a name in the first line.", line);
            }
            if (!seen.add(h)) {
                throw new CsvProblem("Two columns are called '" + h + "'.", "Rename one of them in the header line.", line);
            }
        }
    }

    private static void checkWidth(List<String> row, List<String> header, long line, char delim) throws CsvProblem {
        if (row.size() != header.size()) {
            throw new CsvProblem("Line " + line + " has " + row.size() + " fields but the header has " + header.size()
                    + " (delimiter: " + CsvFormat.delimiterName(delim) + ").",
                    "Check that line for a missing or extra " + CsvFormat.delimiterName(delim) + ", or for an unquoted text containing one.", line);
        }
    }

    private static CsvProblem syntax(JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new CsvProblem("Line " + line + " is not valid CSV: " + e.getOriginalMessage(),
                "Look for an unclosed quote on or before that line.", line);
    }

    /** Counts bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(new java.io.BufferedInputStream(in, 1 << 16));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }
    }
}
