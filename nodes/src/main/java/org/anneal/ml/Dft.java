package org.anneal.ml;

/**
 * The forward discrete Fourier transform, e^{-2πi jk/n}, shared by the image and signal blocks: radix-2 Cooley–Tukey for
 * lengths that are powers of two, the definition with a table of twiddles for other lengths (O(n²); fine for the few
 * hundred samples of a micrograph side or a signal window). Written here rather than taken from a library because it is
 * about sixty lines and Anneal needs only the forward transform.
 */
public final class Dft {
    private Dft() {
    }

    /** In-place forward DFT of the first {@code n} values, e^{-2πi jk/n}. */
    public static void transform(double[] re, double[] im, int n) {
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
