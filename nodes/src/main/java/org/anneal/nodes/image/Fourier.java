package org.anneal.nodes.image;

import org.anneal.ml.Dft;

/**
 * The 2-D discrete Fourier transform of a grey image, for the power spectrum: the 1-D {@link Dft} along every row, then
 * along every column.
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
        forward(re, im, h, w);
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                out[((y + h / 2) % h) * w + (x + w / 2) % w] = (re[i] * re[i] + im[i] * im[i]) / (norm * img.length);
            }
        }
        return out;
    }

    /** A filter's transfer at frequency (fy, fx), in cycles per pixel (−0.5 to 0.5): 0 removes it, 1 keeps it. */
    interface Transfer {
        double at(double fy, double fx);
    }

    /**
     * The image filtered in Fourier space: every frequency multiplied by {@code transfer}, then transformed back. Zero
     * frequency, the mean grey level, is always kept, so a high-pass image stays in the grey range of its source.
     */
    static float[] filter(float[] img, int h, int w, Transfer transfer) {
        double[] re = new double[h * w];
        double[] im = new double[h * w];
        for (int i = 0; i < re.length; i++) {
            re[i] = img[i];
        }
        forward(re, im, h, w);
        for (int y = 0; y < h; y++) {
            double fy = (y <= h / 2 ? y : y - h) / (double) h;
            for (int x = 0; x < w; x++) {
                if (x == 0 && y == 0) {
                    continue;
                }
                double fx = (x <= w / 2 ? x : x - w) / (double) w;
                double t = transfer.at(fy, fx);
                re[y * w + x] *= t;
                im[y * w + x] *= t;
            }
        }
        // the inverse by the forward transform of the conjugate: ifft(X) = conj(fft(conj(X))) / n
        for (int i = 0; i < im.length; i++) {
            im[i] = -im[i];
        }
        forward(re, im, h, w);
        float[] out = new float[h * w];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (re[i] / out.length);
        }
        return out;
    }

    /** In-place 2-D forward DFT: every row, then every column. */
    static void forward(double[] re, double[] im, int h, int w) {
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
    }

    static double[] window(int n, boolean hann) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = hann ? 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n) : 1;
        }
        return w;
    }

    /** In-place forward DFT of the first {@code n} values (see {@link Dft#transform}). */
    static void transform(double[] re, double[] im, int n) {
        Dft.transform(re, im, n);
    }
}
