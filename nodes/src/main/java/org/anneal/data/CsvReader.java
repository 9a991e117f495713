package org.anneal.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;

/**
 * Reads CSV files into {@link Table}s with Jackson's CSV parser. Every error names the line and the
 * column, says what was expected, and how to fix the file or the node's parameters.
 */
public final class CsvReader {
    /** Rows looked at to infer column types; the full read then holds every row to those types. */
    public static final int SAMPLE_ROWS = 1000;
    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t', '|'};
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /**
     * @param delimiter        0 to detect from the header line
     * @param missing          cell texts that mean "no value"
     * @param forceCategorical columns read as categories even when every value is a number
     */
    public record Options(char delimiter, Set<String> missing, Set<String> forceCategorical) {
        public Options {
            missing = Set.copyOf(missing);
            forceCategorical = Set.copyOf(forceCategorical);
        }
    }

    private CsvReader() {
    }

    /** Reads the header and the first rows: delimiter, column names and types. */
    public static CsvFormat sniff(Path file, Options opt) throws CsvProblem, IOException {
        char delim = opt.delimiter() != 0 ? opt.delimiter() : detectDelimiter(file);
        List<String> header = new ArrayList<>();
        List<int[]> counts = new ArrayList<>(); // per column: numeric, text
        List<long[]> firstText = new ArrayList<>(); // per column: line of first text value
        List<String> firstTextValue = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); CsvParser p = parser(in, delim)) {
            List<String> row = new ArrayList<>();
            long line;
            boolean isHeader = true;
            int rowsSeen = 0;
            while ((line = nextRow(p, row)) > 0 && rowsSeen < SAMPLE_ROWS) {
                if (isHeader) {
                    checkHeader(row, line, delim);
                    header.addAll(row);
                    for (int i = 0; i < row.size(); i++) {
                        counts.add(new int[2]);
                        firstText.add(new long[] {0});
                        firstTextValue.add(null);
                    }
                    isHeader = false;
                    continue;
                }
                checkWidth(row, header, line, delim);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (opt.missing().contains(v)) {
                        continue;
                    }
                    if (isNumber(v)) {
                        counts.get(c)[0]++;
                    } else {
                        if (counts.get(c)[1]++ == 0) {
                            firstText.get(c)[0] = line;
                            firstTextValue.set(c, v);
                        }
                    }
                }
                rowsSeen++;
            }
            if (isHeader) {
                throw new CsvProblem("The file is empty.", "Export the data again with a header row.", 1);
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        List<ColumnType> types = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            int numeric = counts.get(c)[0];
            int text = counts.get(c)[1];
            if (opt.forceCategorical().contains(header.get(c)) || (text > 0 && !(numeric >= 5 && numeric >= 4 * text))) {
                types.add(text == 0 && numeric == 0 && !opt.forceCategorical().contains(header.get(c)) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL);
            } else if (text == 0) {
                types.add(ColumnType.NUMERIC);
            } else {
                // mostly numbers with a few words: almost always a typo or an unmarked missing value
                throw textInNumeric(header.get(c), firstTextValue.get(c), firstText.get(c)[0]);
            }
        }
        return new CsvFormat(delim, header, types);
    }

    /**
     * Reads every row, holding each column to the type {@code format} gave it.
     *
     * @param roles role per column name (columns not listed are features)
     */
    public static Table read(Path file, Options opt, CsvFormat format, Map<String, ColumnRole> roles,
                             Runnable checkCancelled, DoubleConsumer progress) throws CsvProblem, IOException {
        int width = format.header().size();
        long size = Math.max(1, Files.size(file));
        double[][] nums = new double[width][];
        int[][] codes = new int[width][];
        List<Map<String, Integer>> dict = new ArrayList<>();
        List<List<String>> levels = new ArrayList<>();
        int capacity = 1024;
        for (int c = 0; c < width; c++) {
            if (format.types().get(c) == ColumnType.NUMERIC) {
                nums[c] = new double[capacity];
            } else {
                codes[c] = new int[capacity];
            }
            dict.add(new HashMap<>());
            levels.add(new ArrayList<>());
        }
        int n = 0;
        try (CountingStream in = new CountingStream(Files.newInputStream(file)); CsvParser p = parser(in, format.delimiter())) {
            List<String> row = new ArrayList<>();
            long line = nextRow(p, row); // header, checked by sniff
            while ((line = nextRow(p, row)) > 0) {
                checkWidth(row, format.header(), line, format.delimiter());
                if (n == capacity) {
                    capacity = capacity + (capacity >> 1);
                    for (int c = 0; c < width; c++) {
                        if (nums[c] != null) {
                            nums[c] = Arrays.copyOf(nums[c], capacity);
                        } else {
                            codes[c] = Arrays.copyOf(codes[c], capacity);
                        }
                    }
                }
                for (int c = 0; c < width; c++) {
                    String v = row.get(c);
                    boolean missing = opt.missing().contains(v);
                    if (nums[c] != null) {
                        nums[c][n] = missing ? Double.NaN : parseNumber(v, format.header().get(c), line);
                    } else if (missing) {
                        codes[c][n] = -1;
                    } else {
                        final List<String> lv = levels.get(c);
                        codes[c][n] = dict.get(c).computeIfAbsent(v, k -> {
                            lv.add(k);
                            return lv.size() - 1;
                        });
                    }
                }
                n++;
                if ((n & 0xFFF) == 0) {
                    checkCancelled.run();
                    progress.accept(Math.min(1.0, in.count / (double) size));
                }
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = format.header().get(c);
            ColumnRole role = roles.getOrDefault(name, ColumnRole.FEATURE);
            cols.add(nums[c] != null
                    ? new NumericColumn(name, role, Arrays.copyOf(nums[c], n))
                    : new CategoricalColumn(name, role, Arrays.copyOf(codes[c], n), levels.get(c)));
        }
        progress.accept(1.0);
        return new Table(cols);
    }

    private static CsvParser parser(InputStream in, char delim) throws IOException {
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

    private static double parseNumber(String v, String column, long line) throws CsvProblem {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw textInNumeric(column, v, line);
        }
    }

    private static boolean isNumber(String v) {
        if (v.isEmpty()) {
            return false;
        }
        char c = v.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return false; // rules out "NaN"/"Infinity" words, which are text here
        }
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static CsvProblem textInNumeric(String column, String value, long line) {
        return new CsvProblem("Line " + line + ", column '" + column + "': '" + value + "' is not a number, but the column holds numbers.",
                "Correct the cell, add '" + value + "' to the node's 'missing' list if it means no value,"
                        + " or list '" + column + "' under 'categorical'.", line);
    }

    private static void checkHeader(List<String> header, long line, char delim) throws CsvProblem {
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
        if (header.size() == 1 && delim != ',') {
            return;
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

    /** The candidate that splits the header line into the most fields (commas win ties). */
    static char detectDelimiter(Path file) throws IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        }
        if (first == null) {
            return ',';
        }
        char best = ',';
        int bestCount = 0;
        for (char d : CANDIDATE_DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < first.length(); i++) {
                char ch = first.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == d && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
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
