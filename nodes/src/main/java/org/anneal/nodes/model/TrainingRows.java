package org.anneal.nodes.model;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.NodeFailure;

/** What a learner that cannot skip missing values asks of its training rows, with the message a student can act on. */
final class TrainingRows {
    private TrainingRows() {
    }

    /**
     * Fails unless every feature and the target are complete; returns the target column.
     *
     * @throws NodeFailure naming the first incomplete column
     */
    static Column requireComplete(Table train, List<String> features, String target) {
        for (String c : features) {
            if (train.numeric(c).missingCount() > 0) {
                throw new NodeFailure("Column '" + c + "' has missing values in the training rows.", "Remove or fill missing values before training.");
            }
        }
        Column y = train.column(target).orElseThrow();
        if (y.missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has missing values in the training rows.", "Drop rows without a target first.");
        }
        return y;
    }

    /** The features as a row-major matrix {@code x[i][j]} (row i, feature j); a missing value fails naming its column. */
    static double[][] matrix(Table train, List<String> features) {
        int n = train.rowCount();
        double[][] rows = new double[n][features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] col = train.numeric(features.get(j)).values();
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(col[i])) {
                    throw new NodeFailure("Column '" + features.get(j) + "' has missing values in the training rows.",
                            "Remove or fill missing values before training.");
                }
                rows[i][j] = col[i];
            }
        }
        return rows;
    }

    /** The target column, which must be complete; the failure says how many values are missing. */
    static Column completeTarget(Table train, String target) {
        Column y = train.column(target).orElseThrow();
        if (y.missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has " + y.missingCount() + " missing value(s) in the training rows.",
                    "Drop rows without a target first.");
        }
        return y;
    }

    /** {@link #requireComplete} and at least one row (a forest of no rows has no leaf values). */
    static Column requireCompleteAndSome(Table train, List<String> features, String target) {
        Column y = requireComplete(train, features, target);
        if (train.rowCount() == 0) {
            throw new NodeFailure("There are no training rows.", "Check the split and any row filters upstream.");
        }
        return y;
    }
}
