package org.anneal.nodes.image;

/** Small grey-image operations on row-major float arrays, shared by the generator and the feature node. */
public final class ImageOps {
    private ImageOps() {
    }

    /** Separable Gaussian blur of standard deviation {@code sigma} pixels; edges repeat the border pixel. */
    public static float[] gaussianBlur(float[] img, int h, int w, double sigma) {
        double[] k = gaussianKernel(sigma);
        int r = k.length / 2;
        float[] tmp = new float[img.length];
        float[] out = new float[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * img[y * w + Math.min(w - 1, Math.max(0, x + i))];
                }
                tmp[y * w + x] = (float) s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                }
                out[y * w + x] = (float) s;
            }
        }
        return out;
    }

    /** The weights of a Gaussian of standard deviation {@code sigma} out to 3σ (at least one pixel each side), summing to 1. */
    static double[] gaussianKernel(double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * Otsu's threshold over a 256-bin histogram of the values between their minimum and maximum: the cut that maximises
     * the between-class variance. Returns the value at the upper edge of the last bin of the dark class.
     */
    public static double otsu(float[] img, int from, int n) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            lo = Math.min(lo, img[i]);
            hi = Math.max(hi, img[i]);
        }
        if (!(hi > lo)) {
            return hi;
        }
        int bins = 256;
        long[] hist = new long[bins];
        double scale = (bins - 1e-9) / (hi - lo);
        for (int i = from; i < from + n; i++) {
            hist[(int) ((img[i] - lo) * scale)]++;
        }
        double total = 0;
        for (int b = 0; b < bins; b++) {
            total += b * (double) hist[b];
        }
        double sumDark = 0;
        long countDark = 0;
        double best = -1;
        int cut = 0;
        for (int b = 0; b < bins - 1; b++) {
            countDark += hist[b];
            sumDark += b * (double) hist[b];
            long countBright = n - countDark;
            if (countDark == 0 || countBright == 0) {
                continue;
            }
            double m0 = sumDark / countDark;
            double m1 = (total - sumDark) / countBright;
            double between = (double) countDark * countBright * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                cut = b;
            }
        }
        return lo + (cut + 1) / scale;
    }

    /** Grey closing (dilation then erosion) with a square of side {@code 2r + 1}: fills dark lines narrower than the square. */
    public static float[] closing(float[] img, int from, int h, int w, int r) {
        float[] dilated = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = Float.NEGATIVE_INFINITY;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        m = Math.max(m, img[from + yy * w + xx]);
                    }
                }
                dilated[y * w + x] = m;
            }
        }
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = Float.POSITIVE_INFINITY;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        m = Math.min(m, dilated[yy * w + xx]);
                    }
                }
                out[y * w + x] = m;
            }
        }
        return out;
    }
}
