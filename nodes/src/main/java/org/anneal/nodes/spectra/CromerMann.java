package org.anneal.nodes.spectra;

import java.util.Map;

/**
 * X-ray atomic form factors of neutral atoms from the Cromer–Mann fit f(s) = Σᵢ aᵢ·exp(−bᵢ s²) + c with s = sin θ / λ
 * in Å⁻¹, coefficients from International Tables for Crystallography, vol. C (2006), Table 6.1.1.4. The fit is valid up
 * to s = 2 Å⁻¹, far beyond any laboratory 2θ range. Anomalous dispersion (f′, f″) is left out, so Friedel pairs scatter
 * equally and the quartz enantiomers give the same pattern. Standard atomic weights (IUPAC 2013) give cell masses.
 */
final class CromerMann {
    /** a1, b1, a2, b2, a3, b3, a4, b4, c as printed in the table. */
    private static final Map<String, double[]> COEFFICIENTS = Map.of(
            "C", new double[] {2.31, 20.8439, 1.02, 10.2075, 1.5886, 0.5687, 0.865, 51.6512, 0.2156},
            "O", new double[] {3.0485, 13.2771, 2.2868, 5.7011, 1.5463, 0.3239, 0.867, 32.9089, 0.2508},
            "Na", new double[] {4.7626, 3.285, 3.1736, 8.8422, 1.2674, 0.3136, 1.1128, 129.424, 0.676},
            "Al", new double[] {6.4202, 3.0387, 1.9002, 0.7426, 1.5936, 31.5472, 1.9646, 85.0886, 1.1151},
            "Si", new double[] {6.2915, 2.4386, 3.0353, 32.3337, 1.9891, 0.6785, 1.541, 81.6937, 1.1407},
            "Cl", new double[] {11.4604, 0.0104, 7.1962, 1.1662, 6.2556, 18.5194, 1.6455, 47.7784, -9.5574},
            "Ti", new double[] {9.7595, 7.8508, 7.3558, 0.5, 1.6991, 35.6338, 1.9021, 116.105, 1.2807},
            "Fe", new double[] {11.7695, 4.7611, 7.3573, 0.3072, 3.5222, 15.3535, 2.3045, 76.8805, 1.0369},
            "Cu", new double[] {13.338, 3.5828, 7.1676, 0.247, 5.6158, 11.3966, 1.6735, 64.8126, 1.191},
            "Zn", new double[] {14.0743, 3.2655, 7.0318, 0.2333, 5.1652, 10.3163, 2.41, 58.7097, 1.3041});
    private static final Map<String, Double> ATOMIC_WEIGHT = Map.of("C", 12.011, "O", 15.999, "Na", 22.98977, "Al", 26.98154, "Si", 28.0855,
            "Cl", 35.453, "Ti", 47.867, "Fe", 55.845, "Cu", 63.546, "Zn", 65.38);

    private CromerMann() {
    }

    static boolean known(String element) {
        return COEFFICIENTS.containsKey(element);
    }

    /** Form factor (electrons) at s = sin θ / λ (Å⁻¹). */
    static double f(String element, double s) {
        double[] k = COEFFICIENTS.get(element);
        double s2 = s * s;
        double sum = k[8];
        for (int i = 0; i < 8; i += 2) {
            sum += k[i] * Math.exp(-k[i + 1] * s2);
        }
        return sum;
    }

    /** Standard atomic weight, g/mol. */
    static double weight(String element) {
        return ATOMIC_WEIGHT.get(element);
    }
}
