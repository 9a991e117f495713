package org.anneal.nodes.cluster;

import java.util.List;

/**
 * Clusters as centres: a row belongs to the nearest one (Euclidean). The fitted part of k-means.
 *
 * @param centres {@code centres[c][j]}: coordinate j of cluster c's centre, columns in {@code columns} order
 */
record NearestCentre(List<String> columns, double[][] centres) {

    int nearest(double[] row) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = ClusterData.squaredDistance(row, centres[c]);
            // strict: a row exactly between two centres goes to the lower-numbered one, every time
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    int[] assign(double[][] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = nearest(x[i]);
        }
        return out;
    }

    /** Sum of squared distances from each row to its nearest centre: what k-means minimises. */
    double inertia(double[][] x) {
        double s = 0;
        for (double[] row : x) {
            s += ClusterData.squaredDistance(row, centres[nearest(row)]);
        }
        return s;
    }
}
