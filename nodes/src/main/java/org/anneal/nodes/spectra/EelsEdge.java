package org.anneal.nodes.spectra;

/**
 * A transition-metal L₂,₃ edge as EELS records it, a teaching model: a power-law background A·E^−r; the edge's continuum
 * as two steps (1 eV wide) at L₃ and L₂ with heights 2 : 1 (the 2p₃/₂ : 2p₁/₂ occupancy), flat above the edge (the delayed
 * maximum of 3d L edges keeps the continuum roughly level for some tens of eV); two white
 * lines, Gaussian of FWHM {@link #WHITE_LINE_FWHM}, with areas in the ratio L₃/L₂; then plural scattering: the edge (not
 * the background, which is defined as what a pre-edge fit sees) convolved with a low-loss spectrum at thickness t/λ —
 * Poisson weights P_n = e^(−t/λ)(t/λ)ⁿ/n! of a zero-loss Gaussian and n-fold self-convolutions of a Lorentzian plasmon.
 * Edge energies are the L₃ and L₂ onsets of the pure metals (EELS Atlas, Ahn and Krivanek 1983). Left out: the
 * continuum's fall far above the edge, fine structure (ELNES/EXELFS), the background's own plural
 * scattering, and the detector's point-spread function.
 */
final class EelsEdge {
    static final double WHITE_LINE_FWHM = 2.5;

    /** An L₂,₃ edge: the element's L₃ and L₂ energies (eV) and its bulk plasmon (eV). */
    public enum Element {
        TI(456, 462, 17), CR(575, 584, 24.5), MN(640, 651, 21), FE(708, 721, 23), NI(855, 872, 20), CU(931, 951, 19);

        final double l3;
        final double l2;
        final double plasmon;

        Element(double l3, double l2, double plasmon) {
            this.l3 = l3;
            this.l2 = l2;
            this.plasmon = plasmon;
        }
    }

    private EelsEdge() {
    }

    /** The single-scattering edge (white lines + continuum steps, no background) on the grid {@code e}. */
    static double[] singleScattering(double[] e, Element el, double stepHeight, double l3Area, double ratio) {
        double sigma = WHITE_LINE_FWHM / (2 * Math.sqrt(2 * Math.log(2)));
        double[] y = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double steps = (2 / 3.0) * step(e[i] - el.l3) + (1 / 3.0) * step(e[i] - el.l2);
            y[i] = stepHeight * steps + l3Area * gauss(e[i] - el.l3, sigma) + l3Area / ratio * gauss(e[i] - el.l2, sigma);
        }
        return y;
    }

    /** A unit step smoothed by a Gaussian of 1 eV FWHM (an arctan's long tails would leak into a pre-edge fit). */
    private static double step(double de) {
        return 0.5 * (1 + org.apache.commons.math3.special.Erf.erf(de * 2 * Math.sqrt(Math.log(2))));
    }

    private static double gauss(double de, double sigma) {
        return Math.exp(-0.5 * de * de / (sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
    }

    /**
     * The low-loss spectrum on channels 0 … n−1 of width {@code dispersion} (energy loss from 0), unit total area: zero
     * loss in channel 0 (a delta: the spectrometer's resolution is folded into the white lines' width) and n-plasmon
     * terms with Poisson weights at thickness {@code tOverLambda}.
     */
    static double[] lowLoss(int n, double dispersion, double plasmon, double plasmonFwhm, double tOverLambda) {
        double[] single = new double[n];
        double gamma = plasmonFwhm / 2;
        for (int i = 0; i < n; i++) {
            double de = i * dispersion - plasmon;
            single[i] = gamma / Math.PI / (de * de + gamma * gamma) * dispersion;
        }
        double[] zlp = new double[n];
        zlp[0] = 1;
        normalise(single);
        double[] out = new double[n];
        double[] term = zlp;
        double weight = Math.exp(-tOverLambda);
        for (int k = 0; k < 12; k++) {
            for (int i = 0; i < n; i++) {
                out[i] += weight * term[i];
            }
            term = convolve(term, single, n);
            weight *= tOverLambda / (k + 1);
        }
        return out;
    }

    private static void normalise(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] /= sum;
        }
    }

    /** Causal convolution (kernel from loss 0 upward), the first {@code n} channels. */
    static double[] convolve(double[] y, double[] kernel, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (y[i] == 0) {
                continue;
            }
            for (int k = 0; k < kernel.length && i + k < n; k++) {
                out[i + k] += y[i] * kernel[k];
            }
        }
        return out;
    }
}
