package org.anneal.nodes.evaluate;

import java.util.List;
import org.anneal.ml.Plot;

/** The confusion matrix as a heat map: rows are actual classes (top to bottom), columns predicted classes. */
public final class ConfusionPlots {
    private ConfusionPlots() {
    }

    /**
     * @param counts    counts[actual][predicted]
     * @param normalise divide each row by its total, so cells read as recall per actual class
     */
    public static Plot heatmap(String title, long[][] counts, List<String> classes, boolean normalise) {
        double[][] v = new double[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            long total = 0;
            for (long c : counts[r]) {
                total += c;
            }
            v[r] = new double[counts[r].length];
            for (int c = 0; c < counts[r].length; c++) {
                // an absent class keeps a row of zeros rather than 0/0
                v[r][c] = normalise ? (total == 0 ? 0 : counts[r][c] / (double) total) : counts[r][c];
            }
        }
        return Plot.heatmap(title, "predicted class", "actual class", new Plot.Heatmap(classes, classes, v));
    }
}
