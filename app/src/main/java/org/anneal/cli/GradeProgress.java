package org.anneal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.anneal.handin.GradeRow;
import org.anneal.handin.ReportText;

/** One line per graded hand-in while a class is graded: how far, its status, and when the batch should end. */
final class GradeProgress {
    private final PrintWriter out;
    private final long start = System.nanoTime();
    private int resumed;

    GradeProgress(PrintWriter out) {
        this.out = out;
    }

    /** The estimate counts only hand-ins graded in this batch, so resumed ones do not make it optimistic. */
    synchronized void graded(int done, int total, GradeRow row, boolean fromEarlierBatch) {
        if (fromEarlierBatch) {
            resumed++;
        }
        int fresh = done - resumed;
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = fresh == 0 || done == total ? "" : "  about " + duration(elapsed / fresh * (total - done)) + " left";
        out.printf(Locale.ROOT, "[%d/%d] %s: %s%s%s%n", done, total, ReportText.clean(row.file()), row.status(),
                fromEarlierBatch ? " (from the earlier batch)" : "", eta);
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }
}
