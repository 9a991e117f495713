package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The expected counts of an energy-dispersive X-ray spectrum (SEM, thick specimen) for a composition — a teaching model,
 * not quantitative ZAF. Characteristic line intensity ∝ c·ω·w/A·(U − 1)^1.67 with overvoltage U = E₀/E_edge (lines whose
 * edge lies above the beam energy E₀ are not excited; every L line counts from the L₃ edge, every M line from M₅),
 * fluorescence yield ω = Z⁴/(a + Z⁴) (a = 10⁶ for K, 4.5·10⁷ for L, 1.2·10⁹ for M), w the line's weight in its shell,
 * A the atomic weight. The continuum is Kramers' law, Z̄·(E₀ − E)/E with Z̄ the
 * mass-averaged atomic number. Both pass a detector window modelled as a simple absorption cut-off, exp(−(0.25 keV/E)³)
 * (half of C Kα gets through). Each line is a Gaussian whose width follows the Fano form FWHM(E) = √(FWHM_Mn² +
 * 2.5 eV·(E − 5895 eV)), the 2.5 eV standing for 8 ln 2 · F · ε (Fano factor 0.115, 3.8 eV per electron–hole pair in
 * Si); FWHM_Mn is the detector's resolution at Mn Kα. Lines above the Si K edge (1.839 keV) lose the share
 * 0.02·(1.839/E)^1.5 of their counts to a Si escape peak at E − 1.740 keV. At a high count rate two photons arriving
 * together are counted as one of the summed energy: pair (i, j) of lines gets `pileup`·N·pᵢ·pⱼ counts (twice for i ≠ j)
 * at Eᵢ + Eⱼ, pᵢ the share of the spectrum's N counts in line i. Left out: matrix absorption and secondary
 * fluorescence (ZAF), incomplete charge collection tails, the detector's high-energy efficiency drop, coherent
 * bremsstrahlung, the Duane–Hunt limit's smearing, continuum pile-up, and the L₂, L₁ and M₄ edges and Coster–Kronig
 * transitions (a beam between the L₃ and L₂ edges still excites Lβ₁ here).
 */
final class EdsSpectrum {
    /** Mn Kα (eV) where the detector's resolution is specified. */
    static final double MN_KALPHA_EV = 5895;
    /** 8 ln 2 · Fano factor · pair energy, eV. */
    static final double FANO_TERM_EV = 2.5;
    static final double SI_K_EDGE = 1.8389;
    static final double SI_ESCAPE = 1.740;
    /** Window cut-off energy, keV. */
    static final double WINDOW_KEV = 0.25;
    /**
     * Scale of the lines against the continuum: pure Fe at 20 kV and 130 eV resolution shows a Kα peak about 80 times
     * the continuum under it, as SEM-EDS spectra of iron do.
     */
    static final double LINE_SCALE = 4.6e4;

    /** Beam energy (keV), detector resolution at Mn Kα (eV), pile-up probability, grid (keV) and total counts. */
    record Setup(double beamKeV, double resolutionEv, double pileup, double start, double step, int channels, double counts) {
    }

    /** A peak to draw: energy (keV) and area before scaling. */
    record Peak(double energy, double area) {
    }

    private EdsSpectrum() {
    }

    /** Smallest resolution the Fano form allows: the electronic-noise term FWHM_Mn² − 2.5·5895 must stay positive. */
    static double minResolutionEv() {
        return Math.sqrt(FANO_TERM_EV * MN_KALPHA_EV);
    }

    /** Detector FWHM (keV) at energy E (keV). */
    static double fwhm(double energyKeV, double resolutionEv) {
        double ev2 = resolutionEv * resolutionEv + FANO_TERM_EV * (energyKeV * 1000 - MN_KALPHA_EV);
        return Math.sqrt(Math.max(ev2, 1)) / 1000;
    }

    static double window(double energyKeV) {
        return energyKeV > 0 ? Math.exp(-Math.pow(WINDOW_KEV / energyKeV, 3)) : 0;
    }

    /** The characteristic lines (with escape and sum peaks) of a composition, in continuum units. */
    static List<Peak> peaks(Map<String, Double> composition, Setup s) {
        List<Peak> lines = new ArrayList<>();
        composition.forEach((symbol, c) -> {
            EdsLines.Element el = EdsLines.ELEMENTS.get(symbol);
            double z4 = Math.pow(el.z(), 4);
            for (EdsLines.Line line : el.lines()) {
                double u = s.beamKeV() / el.edge(line.shell());
                if (u <= 1) {
                    continue;
                }
                double yield = z4 / (yieldConstant(line.shell()) + z4);
                lines.add(new Peak(line.energy(), LINE_SCALE * c * yield * line.weight() / el.weight() * Math.pow(u - 1, 1.67) * window(line.energy())));
            }
        });
        List<Peak> out = new ArrayList<>();
        for (Peak p : lines) {
            double escape = p.energy() > SI_K_EDGE ? 0.02 * Math.pow(SI_K_EDGE / p.energy(), 1.5) : 0;
            out.add(new Peak(p.energy(), p.area() * (1 - escape)));
            if (escape > 0) {
                out.add(new Peak(p.energy() - SI_ESCAPE, p.area() * escape));
            }
        }
        if (s.pileup() > 0) {
            double total = out.stream().mapToDouble(Peak::area).sum() + continuumArea(composition, s);
            int n = out.size();
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double pairs = s.pileup() * out.get(i).area() * out.get(j).area() / total * (i == j ? 1 : 2);
                    out.add(new Peak(out.get(i).energy() + out.get(j).energy(), pairs));
                }
            }
        }
        return out;
    }

    /**
     * The constant a of the fluorescence yield ω = Z⁴/(a + Z⁴) of a shell. For M, 1.2·10⁹ gives ω ≈ 0.02 (Hf) to 0.06
     * (U): the few per cent of the mean M-shell yields Hubbell et al. (J. Phys. Chem. Ref. Data 23, 339, 1994) review.
     */
    static double yieldConstant(char shell) {
        return switch (shell) {
            case 'K' -> 1e6;
            case 'L' -> 4.5e7;
            default -> 1.2e9;
        };
    }

    /** Mass-averaged atomic number. */
    static double meanZ(Map<String, Double> composition) {
        return composition.entrySet().stream().mapToDouble(e -> e.getValue() * EdsLines.ELEMENTS.get(e.getKey()).z()).sum();
    }

    private static double continuum(double e, double zBar, double beam) {
        return e > 0 && e < beam ? zBar * (beam - e) / e * window(e) : 0;
    }

    private static double continuumArea(Map<String, Double> composition, Setup s) {
        double zBar = meanZ(composition);
        double sum = 0;
        for (int i = 0; i < s.channels(); i++) {
            sum += continuum(s.start() + i * s.step(), zBar, s.beamKeV()) * s.step();
        }
        return sum;
    }

    /** Expected counts per channel, scaled to {@code s.counts()} in all. */
    static double[] expected(Map<String, Double> composition, Setup s) {
        double[] y = new double[s.channels()];
        double zBar = meanZ(composition);
        for (int i = 0; i < y.length; i++) {
            y[i] = continuum(s.start() + i * s.step(), zBar, s.beamKeV()) * s.step();
        }
        for (Peak p : peaks(composition, s)) {
            double sigma = fwhm(p.energy(), s.resolutionEv()) / (2 * Math.sqrt(2 * Math.log(2)));
            int lo = Math.max(0, (int) Math.floor((p.energy() - 5 * sigma - s.start()) / s.step()));
            int hi = Math.min(y.length - 1, (int) Math.ceil((p.energy() + 5 * sigma - s.start()) / s.step()));
            for (int i = lo; i <= hi; i++) {
                double d = (s.start() + i * s.step() - p.energy()) / sigma;
                y[i] += p.area() * s.step() / (sigma * Math.sqrt(2 * Math.PI)) * Math.exp(-0.5 * d * d);
            }
        }
        double total = 0;
        for (double v : y) {
            total += v;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] *= total > 0 ? s.counts() / total : 0;
        }
        return y;
    }
}
