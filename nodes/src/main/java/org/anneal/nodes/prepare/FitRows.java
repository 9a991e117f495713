package org.anneal.nodes.prepare;

import java.util.Arrays;
import org.anneal.data.NumericColumn;
import org.anneal.spec.NodeFailure;

/** Statistics of one column over the fit rows, shared by the nodes that learn from them. */
final class FitRows {
    private FitRows() {
    }

    /** The non-missing values, sorted; a located failure when there are none. */
    static double[] sortedValues(NumericColumn c) {
        double[] v = Arrays.stream(c.values()).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            throw new NodeFailure("Column '" + c.name() + "' has no values in the fit rows.", "Check the data, or leave the column out.");
        }
        return v;
    }

    /**
     * The non-missing values of a column a basis is placed along, sorted; a column with one value has no range to
     * place {@code what} ("centres", "knots") in, and fails.
     */
    static double[] spread(NumericColumn c, String what) {
        double[] x = sortedValues(c);
        if (x[0] == x[x.length - 1]) {
            throw new NodeFailure("Column '" + c.name() + "' has the same value in every fit row, so there is no range to place " + what + " in.",
                    "Leave '" + c.name() + "' out of 'columns'.");
        }
        return x;
    }

    /**
     * The q-quantile of sorted values by linear interpolation between order statistics (Hyndman and Fan's
     * type 7, the default of R and NumPy), so results can be checked against either.
     */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
