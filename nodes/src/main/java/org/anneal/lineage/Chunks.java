package org.anneal.lineage;

/**
 * The size of the pieces the run-time checks' column loops take a column in. In a cold process ({@code anneal run}) a
 * loop over a million values that has never ended is compiled while it runs (on-stack replacement) as a loop that never
 * ends: the compiled code traps at its first exit, is thrown away and compiled again, once per loop (issue 16,
 * "Performance": most of the checks' own compilations). A small method that does one piece and is called for each
 * piece has ended many times before it is compiled, so it is compiled once, for good. The pieces are taken in order and
 * carry their running sums from one to the next, so every result is the one a single loop gives, bit for bit.
 */
final class Chunks {
    /** Values per piece: long enough for the loop's own speed (unrolled, vectorised), short enough to end often. */
    static final int ROWS = 1 << 12;

    private Chunks() {
    }

    /** The end of the piece that starts at {@code from}, for {@code n} values. */
    static int end(int from, int n) {
        return Math.min(n, from + ROWS);
    }
}
