package org.anneal.nodes.prepare;

/**
 * The all-pairs distance matrix the UMAP port builds for itself below {@link #EXACT_BELOW} rows, computed faster and
 * bit for bit the same: each pair once (both metrics are exactly symmetric in the port's own arithmetic), and for
 * cosine each row's squared norm once instead of once per pair. The sums run in the port's order and precision
 * (float products, a float sum for euclidean, a double sum for cosine), so the map does not change — only its cost:
 * about a half (euclidean) or a third (cosine) of the port's distance work, which dominates on wide spectra.
 */
final class UmapDistances {
    /** The port's SMALL_PROBLEM_THRESHOLD: below it, exact neighbours from this matrix; above, NN-descent. */
    static final int EXACT_BELOW = 4096;

    private UmapDistances() {
    }

    static float[][] pairwise(float[][] x, UmapNode.Distance metric, Runnable checkCancelled) {
        int n = x.length;
        float[][] d = new float[n][n];
        double[] norm = metric == UmapNode.Distance.COSINE ? squaredNorms(x) : null;
        for (int i = 0; i < n; i++) {
            if (i % 64 == 0) {
                checkCancelled.run();
            }
            for (int j = i; j < n; j++) {
                float v = norm == null ? euclidean(x[i], x[j]) : cosine(x[i], x[j], norm[i], norm[j]);
                d[i][j] = v;
                d[j][i] = v;
            }
        }
        return d;
    }

    /** As tagbio.umap.metric.EuclideanMetric: a float sum of float squares. */
    private static float euclidean(float[] a, float[] b) {
        float s = 0;
        for (int k = 0; k < a.length; k++) {
            float q = a[k] - b[k];
            s += q * q;
        }
        return (float) Math.sqrt(s);
    }

    private static double[] squaredNorms(float[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (float v : x[i]) {
                s += v * v;
            }
            out[i] = s;
        }
        return out;
    }

    /** As tagbio.umap.metric.CosineMetric: a double sum of float products, 1 − a·b / √(|a|² |b|²), zero rows by its rules. */
    private static float cosine(float[] a, float[] b, double normA, double normB) {
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        if (normA == 0.0 && normB == 0.0) {
            return 0;
        } else if (normA == 0.0 || normB == 0.0) {
            return 1;
        }
        return (float) (1 - (dot / Math.sqrt(normA * normB)));
    }
}
