package org.anneal.nodes.spectra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raman bands of teaching materials: position (cm⁻¹), relative height and FWHM (cm⁻¹), rounded from the usual
 * references (anatase Ohsaka et al. 1978, rutile Porto et al. 1967, silicon's 520.7 cm⁻¹ phonon and its two-phonon
 * bands, calcite and α-quartz as in the RRUFF database, graphite's D and G bands). Widths are those of a routine
 * spectrometer at room temperature, not intrinsic ones.
 */
final class RamanBands {
    static final Map<String, double[][]> MATERIALS = new LinkedHashMap<>();

    static {
        MATERIALS.put("anatase", new double[][] {{144, 1, 10}, {197, 0.08, 10}, {399, 0.2, 20}, {515, 0.15, 20}, {639, 0.25, 25}});
        MATERIALS.put("rutile", new double[][] {{143, 0.1, 10}, {240, 0.25, 60}, {447, 1, 30}, {612, 0.9, 40}});
        MATERIALS.put("silicon", new double[][] {{300, 0.05, 40}, {520.7, 1, 6}, {960, 0.08, 50}});
        MATERIALS.put("calcite", new double[][] {{156, 0.3, 12}, {282, 0.5, 15}, {712, 0.15, 8}, {1086, 1, 6}});
        MATERIALS.put("quartz", new double[][] {{128, 0.35, 10}, {206, 0.4, 20}, {355, 0.1, 15}, {464, 1, 10}, {1085, 0.05, 20}});
        MATERIALS.put("graphite", new double[][] {{1350, 0.5, 40}, {1582, 1, 20}});
    }

    private RamanBands() {
    }

    /**
     * Sum of Lorentzian bands of peak height {@code height} × relative height at wavenumber {@code nu}, every band
     * moved by {@code shift} cm⁻¹ and widened {@code broadening} times at constant area (its top lowered as much);
     * shift 0 and broadening 1 give the reference bands exactly.
     */
    static double spectrum(double[][] bands, double nu, double height, double shift, double broadening) {
        double y = 0;
        for (double[] b : bands) {
            double u = 2 * (nu - (b[0] + shift)) / (b[2] * broadening);
            y += height / broadening * b[1] / (1 + u * u);
        }
        return y;
    }
}
