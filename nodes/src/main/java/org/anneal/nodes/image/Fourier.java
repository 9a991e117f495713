package org.anneal.nodes.image;

/**
 * The 2-D discrete Fourier transform of a grey image, for the power spectrum: radix-2 Cooley–Tukey along sides that are
 * powers of two, a direct transform with a table of twiddles along other sides (O(n²) per line; fine for the few hundred
 * pixels of a micrograph side). Written here rather than taken from a library because it is forty lines and the node
 * needs only the forward transform of real images.
 */
final class Fourier {
    private Fourier() {
    }

    /**
     * The power |F|² of the image after its mean is removed and a Hann window applied (when {@code hann}), shifted so that
     * zero frequency sits at row h/2, column w/2; normalised by the sum of the squared window, so a pure cosine of amplitude
     * a that fits the image a whole number of times gives a total power of a²/2 in its two peaks (Parseval).
     */
    static double[] power(float[] img, int h, int w, boolean hann) {
        double mean = 0;
        for (float v : img) {
            mean += v;
        }
        mean /= img.length;
        double[] wy = window(h, hann);
        double[] wx = window(w, hann);
        double[] re = new double[h * w];
        double[] im = new double[h * w];
        double norm = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double win = wy[y] * wx[x];
                re[y * w + x] = (img[y * w + x] - mean) * win;
                norm += win * win;
            }
        }
        double[] lr = new double[Math.max(h, w)];
        double[] li = new double[Math.max(h, w)];
        for (int y = 0; y < h; y++) {
            System.arraycopy(re, y * w, lr, 0, w);
            System.arraycopy(im, y * w, li, 0, w);
            transform(lr, li, w);
            System.arraycopy(lr, 0, re, y * w, w);
            System.arraycopy(li, 0, im, y * w, w);
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                lr[y] = re[y * w + x];
                li[y] = im[y * w + x];
            }
            transform(lr, li, h);
            for (int y = 0; y < h; y++) {
                re[y * w + x] = lr[y];
                im[y * w + x] = li[y];
            }
        }
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                out[((y + h / 2) % h) * w + (x + w / 2) % w] = (re[i] * re[i] + im[i] * im[i]) / (norm * img.length);
            }
        }
        return out;
    }

    static double[] window(int n, boolean hann) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = hann ? 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n) : 1;
        }
        return w;
    }

    /** In-place forward DFT of the first {@code n} values, e^{-2πi jk/n}. */
    static void transform(double[] re, double[] im, int n) {
        if (Integer.bitCount(n) == 1) {
            radix2(re, im, n);
            return;
        }
        double[] or = new double[n];
        double[] oi = new double[n];
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int k = 0; k < n; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                int t = (int) ((long) j * k % n);
                sr += re[j] * cos[t] + im[j] * sin[t];
                si += im[j] * cos[t] - re[j] * sin[t];
            }
            or[k] = sr;
            oi[k] = si;
        }
        System.arraycopy(or, 0, re, 0, n);
        System.arraycopy(oi, 0, im, 0, n);
    }

    private static void radix2(double[] re, double[] im, int n) {
        double[][] tw = twiddles(n);
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int stride = n / len; // twiddle k of this stage is e^{-2πi k/len} = table entry k·stride
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double cr = tw[0][k * stride];
                    double ci = tw[1][k * stride];
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** cos and −sin of 2πk/n for k < n/2, per length (an image's rows share one table, its columns another). */
    private static final ThreadLocal<java.util.Map<Integer, double[][]>> TWIDDLES = ThreadLocal.withInitial(java.util.HashMap::new);

    private static double[][] twiddles(int n) {
        return TWIDDLES.get().computeIfAbsent(n, m -> {
            double[][] t = new double[2][m / 2];
            for (int k = 0; k < m / 2; k++) {
                t[0][k] = Math.cos(-2 * Math.PI * k / m);
                t[1][k] = Math.sin(-2 * Math.PI * k / m);
            }
            return t;
        });
    }
}
