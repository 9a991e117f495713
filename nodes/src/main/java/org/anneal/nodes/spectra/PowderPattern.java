package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The powder pattern of one phase from its structure (Bragg–Brentano geometry, thick flat sample, no monochromator).
 * Integrated line intensity per unit volume of phase: I(d) = Σ_{hkl with this d} |F(hkl)|² · LP(θ) / V², summing
 * every hkl on its own (so the multiplicity is exact, and accidental overlaps such as cubic 333/511 add up as they do on
 * a real pattern), with the Lorentz-polarisation factor LP = (1 + cos² 2θ) / (sin² θ cos θ). Each line is drawn at
 * Kα₁ and, with half the area, at Kα₂, as a Thompson–Cox–Hastings pseudo-Voigt whose Gaussian width follows Caglioti
 * (FWHM² = U tan² θ + V tan θ + W) and whose Lorentzian width adds Scherrer size broadening K λ / (L cos θ), K = 0.9,
 * and microstrain broadening 4 ε tan θ. Left out: absorption and its angle dependence in thin samples, preferred
 * orientation, axial divergence asymmetry, anomalous scattering.
 */
final class PowderPattern {
    /** One diffraction line: its d-spacing (Å), an index (the largest hkl with this d), and I per unit volume. */
    record Line(double d, int h, int k, int l, double intensity) {
        String hkl() {
            return "" + h + k + l;
        }
    }

    /** Kα₂ : Kα₁ intensity ratio. */
    static final double K_ALPHA2_RATIO = 0.5;
    static final double SCHERRER_K = 0.9;

    /** Instrument and specimen broadening: Caglioti U, V, W (deg²), crystallite size (nm; 0 = none), microstrain ε. */
    record Broadening(double u, double v, double w, double sizeNm, double strain) {
        /** Gaussian FWHM (degrees) at Bragg angle θ, NaN where the Caglioti polynomial is negative. */
        double gaussian(double theta) {
            double t = Math.tan(theta);
            return Math.sqrt(u * t * t + v * t + w);
        }

        /** Lorentzian FWHM (degrees): Scherrer size plus microstrain. */
        double lorentzian(double theta, double lambda) {
            double size = sizeNm > 0 ? SCHERRER_K * lambda / (sizeNm * 10 * Math.cos(theta)) : 0;
            return Math.toDegrees(size + 4 * strain * Math.tan(theta));
        }
    }

    private PowderPattern() {
    }

    /** The lines with d ≥ λ / (2 sin θmax), strongest first within equal d; absent reflections (|F|² ≈ 0) dropped. */
    static List<Line> lines(Crystal c, double lambda, double twoThetaMax) {
        double dMin = lambda / (2 * Math.sin(Math.toRadians(Math.min(twoThetaMax, 179.9) / 2)));
        int hMax = (int) Math.floor(c.a() / dMin);
        int kMax = (int) Math.floor(c.b() / dMin);
        int lMax = (int) Math.floor(c.c() / dMin);
        var atoms = c.atoms();
        double volume = c.volume();
        TreeMap<Long, double[]> byD = new TreeMap<>(Comparator.reverseOrder());
        for (int h = -hMax; h <= hMax; h++) {
            for (int k = -kMax; k <= kMax; k++) {
                for (int l = -lMax; l <= lMax; l++) {
                    if (h == 0 && k == 0 && l == 0) {
                        continue;
                    }
                    double d = c.dSpacing(h, k, l);
                    if (d < dMin) {
                        continue;
                    }
                    double f2 = c.structureFactorSquared(h, k, l, atoms);
                    // d to 1e-6 Å: equal d up to rounding of the trigonometry, one line
                    double[] acc = byD.computeIfAbsent(Math.round(d * 1e6), key -> new double[] {d, 0, -99, 0, 0});
                    acc[1] += f2;
                    if (h * 10000 + k * 100 + l > acc[2] * 10000 + acc[3] * 100 + acc[4]) {
                        acc[2] = h;
                        acc[3] = k;
                        acc[4] = l;
                    }
                }
            }
        }
        List<Line> out = new ArrayList<>();
        double strongest = byD.values().stream().mapToDouble(a -> a[1]).max().orElse(0);
        for (double[] a : byD.values()) {
            if (a[1] < 1e-9 * strongest) {
                continue; // a systematic absence
            }
            double theta = Math.asin(lambda / (2 * a[0]));
            double c2 = Math.cos(2 * theta);
            double lp = (1 + c2 * c2) / (Math.sin(theta) * Math.sin(theta) * Math.cos(theta));
            out.add(new Line(a[0], (int) a[2], (int) a[3], (int) a[4], a[1] * lp / (volume * volume)));
        }
        return out;
    }

    /** The noise-free pattern on the 2θ grid {@code x} (degrees), per unit volume of phase (area units: intensity × degrees). */
    static double[] profile(List<Line> lines, double[] x, XrayTube tube, Broadening b) {
        double[] y = new double[x.length];
        double step = x.length > 1 ? x[1] - x[0] : 1;
        for (Line line : lines) {
            addPeak(y, x, step, line.d(), tube.kAlpha1, line.intensity(), b);
            addPeak(y, x, step, line.d(), tube.kAlpha2, line.intensity() * K_ALPHA2_RATIO, b);
        }
        return y;
    }

    private static void addPeak(double[] y, double[] x, double step, double d, double lambda, double area, Broadening b) {
        double s = lambda / (2 * d);
        if (s >= 1) {
            return;
        }
        double theta = Math.asin(s);
        double centre = Math.toDegrees(2 * theta);
        double gauss = b.gaussian(theta);
        double lorentz = b.lorentzian(theta, lambda);
        double[] fwhmEta = thompsonCoxHastings(gauss, lorentz);
        double fwhm = Math.max(fwhmEta[0], 1e-4);
        double eta = fwhmEta[1];
        // a Lorentzian keeps 1 % of its area beyond ±32 widths: draw ±40 widths, at least ±5 channels
        double reach = Math.max(40 * fwhm, 5 * step);
        int lo = Math.max(0, (int) Math.floor((centre - reach - x[0]) / step));
        int hi = Math.min(x.length - 1, (int) Math.ceil((centre + reach - x[0]) / step));
        double gNorm = 2 / fwhm * Math.sqrt(Math.log(2) / Math.PI);
        double lNorm = 2 / (Math.PI * fwhm);
        for (int i = lo; i <= hi; i++) {
            double u = 2 * (x[i] - centre) / fwhm;
            y[i] += area * (eta * lNorm / (1 + u * u) + (1 - eta) * gNorm * Math.exp(-Math.log(2) * u * u));
        }
    }

    /**
     * The pseudo-Voigt FWHM and Lorentzian share η that best match the Voigt of a Gaussian and a Lorentzian of these
     * widths (Thompson, Cox and Hastings 1987).
     */
    static double[] thompsonCoxHastings(double g, double l) {
        double fwhm = Math.pow(Math.pow(g, 5) + 2.69269 * Math.pow(g, 4) * l + 2.42843 * Math.pow(g, 3) * l * l + 4.47163 * g * g * Math.pow(l, 3)
                + 0.07842 * g * Math.pow(l, 4) + Math.pow(l, 5), 0.2);
        double q = fwhm > 0 ? l / fwhm : 0;
        return new double[] {fwhm, 1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q};
    }
}
