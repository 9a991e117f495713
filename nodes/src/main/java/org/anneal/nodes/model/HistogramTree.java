package org.anneal.nodes.model;

/**
 * One fitted tree as flat arrays (node 0 is the root): an inner node sends a row left when its value of
 * {@code feature[node]} is ≤ {@code threshold[node]}; a leaf ({@code feature == -1}) holds the mean target
 * (regression, one value) or the class proportions of its training rows (classification, {@code classes} values).
 */
record HistogramTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int classes) {

    /** The leaf a row lands in; {@code columns[f][row]} is the row's value of feature f. NaN goes right. */
    int leaf(double[][] columns, int row) {
        int node = 0;
        while (feature[node] >= 0) {
            node = columns[feature[node]][row] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    int nodeCount() {
        return feature.length;
    }
}
