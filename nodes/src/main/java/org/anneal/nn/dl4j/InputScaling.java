package org.anneal.nn.dl4j;

/**
 * Centring and scaling learnt on the fit rows, so a network sees numbers near ±1. Table columns have units of their
 * own, so each is standardized by its own standard deviation; the channels of one spectrum share a unit, so they are
 * centred each and divided by one common scale (the root mean square of the centred values) — dividing each channel
 * by its own spread would blow the noise of flat background channels up to the size of the peaks.
 */
record InputScaling(float[] mean, float[] scale) {

    static InputScaling fit(float[] rows, int width, boolean perColumn) {
        int n = rows.length / width;
        double[] mean = new double[width];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                mean[j] += rows[r * width + j];
            }
        }
        double[] sq = new double[width];
        for (int j = 0; j < width; j++) {
            mean[j] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                double d = rows[r * width + j] - mean[j];
                sq[j] += d * d;
            }
        }
        double all = 0;
        for (double v : sq) {
            all += v;
        }
        double common = Math.sqrt(all / ((double) n * width));
        float[] m = new float[width];
        float[] s = new float[width];
        for (int j = 0; j < width; j++) {
            m[j] = (float) mean[j];
            double sd = perColumn ? Math.sqrt(sq[j] / n) : common;
            s[j] = (float) (sd > 0 ? sd : 1); // a constant input stays constant (0) instead of dividing by zero
        }
        return new InputScaling(m, s);
    }

    float[] apply(float[] rows) {
        int width = mean.length;
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = (rows[i] - mean[i % width]) / scale[i % width];
        }
        return out;
    }

    /** Scaled values back in the input's units. */
    float[] invert(float[] scaled) {
        int width = mean.length;
        float[] out = new float[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            out[i] = scaled[i] * scale[i % width] + mean[i % width];
        }
        return out;
    }
}
