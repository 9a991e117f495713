package org.anneal.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Bounds on what a CSV file may look like before it is parsed (issue 14): a file without line breaks, or with a line of
 * millions of characters, is not a table, and reading it as one took minutes and hundreds of megabytes before failing
 * with a misleading message about quotes. The head of the file is scanned byte by byte, and a line longer than
 * {@link #MAX_LINE_BYTES} is a located error. The file's size and its number of columns are capped too, with generous
 * defaults an instructor can raise for a large course dataset (system properties, {@code ANNEAL_OPTS} for the launcher):
 * a hand-in cannot make the grader read gigabytes.
 */
public final class CsvBounds {
    /** Longest line accepted: a thousand columns of a thousand characters each. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** System property: the largest CSV file read, in MiB (default {@value #DEFAULT_MAX_MEBIBYTES}). */
    public static final String MAX_MEBIBYTES_PROPERTY = "anneal.csv.maxMegabytes";
    /** System property: the most columns a CSV file may have (default {@value #DEFAULT_MAX_COLUMNS}). */
    public static final String MAX_COLUMNS_PROPERTY = "anneal.csv.maxColumns";
    /** 1 GiB: about 100 million numbers, more than a child grading process holds with its default heap. */
    public static final int DEFAULT_MAX_MEBIBYTES = 1024;
    /** A spreadsheet's own limit (16,384 columns, XFD). */
    public static final int DEFAULT_MAX_COLUMNS = 16_384;

    private CsvBounds() {
    }

    /** Refuses a file larger than the cap (line 0: the whole file is at fault). */
    static void checkSize(Path file) throws CsvProblem, IOException {
        long max = (long) limit(MAX_MEBIBYTES_PROPERTY, DEFAULT_MAX_MEBIBYTES) << 20;
        long size = Files.size(file);
        if (size > max) {
            throw new CsvProblem(String.format(Locale.ROOT, "The file is %,d MiB; CSV files are read up to %,d MiB.", size >> 20, max >> 20),
                    "Use a smaller extract of the data, or raise the cap for this machine with -D" + MAX_MEBIBYTES_PROPERTY
                            + "=N (in ANNEAL_OPTS).", 0);
        }
    }

    /** Refuses a header with more columns than the cap. */
    static void checkColumns(int columns, long line) throws CsvProblem {
        int max = limit(MAX_COLUMNS_PROPERTY, DEFAULT_MAX_COLUMNS);
        if (columns > max) {
            throw new CsvProblem(String.format(Locale.ROOT, "Line %d has %,d columns; CSV files are read with up to %,d.", line, columns, max),
                    "Check the delimiter, drop columns you do not need, or raise the cap with -D" + MAX_COLUMNS_PROPERTY + "=N (in ANNEAL_OPTS).", line);
        }
    }

    private static int limit(String property, int standard) throws CsvProblem {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return standard;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CsvProblem("The setting " + property + "='" + v + "' is not a positive whole number.", "Correct it, or remove it to use the default.", 0);
    }

    /** Checks the first {@code lines} lines; reads at most {@code lines * MAX_LINE_BYTES} bytes, usually far fewer. */
    static void checkHead(Path file, int lines) throws CsvProblem, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            long length = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    if (++line > lines) {
                        return;
                    }
                    length = 0;
                } else if (++length > MAX_LINE_BYTES) {
                    throw new CsvProblem(String.format(Locale.ROOT, "Line %d is longer than %,d bytes%s; this does not look like a table.", line,
                            MAX_LINE_BYTES, line == 1 && Files.size(file) > MAX_LINE_BYTES ? " (the file may have no line breaks at all)" : ""),
                            "Check that the file is a CSV export with one row per line; split very long text cells or drop them.", line);
                }
            }
        }
    }
}
