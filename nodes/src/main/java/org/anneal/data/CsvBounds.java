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
 * {@link #MAX_LINE_BYTES} is a located error.
 */
public final class CsvBounds {
    /** Longest line accepted: a thousand columns of a thousand characters each. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private CsvBounds() {
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
