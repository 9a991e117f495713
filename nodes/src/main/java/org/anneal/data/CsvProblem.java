package org.anneal.data;

/** A located problem in a CSV file: message, fix and the 1-based line (0 when not tied to a line). */
public final class CsvProblem extends Exception {
    private final String fix;
    private final long line;

    public CsvProblem(String message, String fix, long line) {
        super(message, null, false, false);
        this.fix = fix;
        this.line = line;
    }

    public String fix() {
        return fix;
    }

    public long line() {
        return line;
    }
}
