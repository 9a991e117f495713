package org.anneal.nodes.spectra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * X-ray emission lines and absorption edges (keV) of the elements the EDS generators know, from the X-ray Data
 * Booklet (Thompson et al., LBNL 2009; Bearden 1967 line energies, Bearden and Burr 1967 edges). Kα is split into Kα₁
 * and Kα₂ (2 : 1); Kβ carries the Kβ₁,₃ energy. Relative weights within a shell are rounded textbook values (Kβ/Kα about
 * 0.13 for the 3d metals, less for the light elements; Lβ/Lα 0.6 for Nb and Mo).
 *
 * <p>The heavy elements (Hf to U) add their M lines, which a 5–30 kV beam excites more strongly than their L lines and
 * which fall among the K lines of the light elements (Pb Mα 2.346 keV by S Kα 2.308, W Mα 1.776 by Si Kα 1.740, Pt Mα
 * 2.051 by Zr Lα 2.042). Their line energies are Chantler et al. 2005 (NIST X-ray Form Factor, Attenuation and
 * Scattering Tables, FFAST) and their relative weights those of NIST's EPQ library (DTSA-II), both as HyperSpy 1.7
 * tabulates them in {@code hyperspy/misc/elements.py}; only these physical constants are taken. Weights are given there
 * relative to the strongest line of the shell (Lα, Mα = 1) and are scaled here to sum to 1 over the lines kept. Their K,
 * L₃ and M₅ edges are the X-ray Data Booklet's (Bearden and Burr 1967).
 */
final class EdsLines {
    /** One emission line: its name, energy (keV), shell (K, L or M) and weight within the shell. */
    record Line(String name, double energy, char shell, double weight) {
    }

    /** An element: atomic number, atomic weight, K, L₃ and M₅ edge energies (keV; 0 = no line of that shell), its lines. */
    record Element(String symbol, int z, double weight, double kEdge, double l3Edge, double m5Edge, List<Line> lines) {
        /** The edge whose ionisation emits the lines of {@code shell} (L₃ for every L line, M₅ for every M line). */
        double edge(char shell) {
            return switch (shell) {
                case 'K' -> kEdge;
                case 'L' -> l3Edge;
                default -> m5Edge;
            };
        }
    }

    static final Map<String, Element> ELEMENTS = new LinkedHashMap<>();

    private static void add(String symbol, int z, double weight, double kEdge, double l3Edge, Line... lines) {
        ELEMENTS.put(symbol, new Element(symbol, z, weight, kEdge, l3Edge, 0, List.of(lines)));
    }

    /**
     * A heavy element: L and M lines with their weights relative to the shell's strongest line, scaled here to sum to 1
     * within each shell; no K line (its K edge lies above any SEM beam).
     */
    private static void heavy(String symbol, int z, double weight, double kEdge, double l3Edge, double m5Edge, Line... lines) {
        List<Line> scaled = new java.util.ArrayList<>();
        for (Line line : lines) {
            double sum = java.util.Arrays.stream(lines).filter(o -> o.shell() == line.shell()).mapToDouble(Line::weight).sum();
            scaled.add(new Line(line.name(), line.energy(), line.shell(), line.weight() / sum));
        }
        ELEMENTS.put(symbol, new Element(symbol, z, weight, kEdge, l3Edge, m5Edge, List.copyOf(scaled)));
    }

    private static Line k(String name, double energy, double weight) {
        return new Line(name, energy, 'K', weight);
    }

    private static Line l(String name, double energy, double weight) {
        return new Line(name, energy, 'L', weight);
    }

    private static Line m(String name, double energy, double weight) {
        return new Line(name, energy, 'M', weight);
    }

    static {
        add("C", 6, 12.011, 0.2842, 0, k("Kα", 0.277, 1));
        add("O", 8, 15.999, 0.5431, 0, k("Kα", 0.5249, 1));
        add("Na", 11, 22.990, 1.0721, 0, k("Kα", 1.0410, 0.99), k("Kβ", 1.0711, 0.01));
        add("Mg", 12, 24.305, 1.3050, 0, k("Kα", 1.2536, 0.98), k("Kβ", 1.3022, 0.02));
        add("Al", 13, 26.982, 1.5596, 0, k("Kα", 1.4867, 0.975), k("Kβ", 1.5575, 0.025));
        add("Si", 14, 28.086, 1.8389, 0, k("Kα", 1.7400, 0.97), k("Kβ", 1.8359, 0.03));
        add("P", 15, 30.974, 2.1455, 0, k("Kα", 2.0137, 0.96), k("Kβ", 2.1391, 0.04));
        add("S", 16, 32.06, 2.4720, 0, k("Kα", 2.3078, 0.95), k("Kβ", 2.4640, 0.05));
        add("Cl", 17, 35.45, 2.8224, 0, k("Kα", 2.6224, 0.94), k("Kβ", 2.8156, 0.06));
        add("K", 19, 39.098, 3.6074, 0, k("Kα", 3.3138, 0.92), k("Kβ", 3.5896, 0.08));
        add("Ca", 20, 40.078, 4.0381, 0, k("Kα", 3.6917, 0.9), k("Kβ", 4.0127, 0.1));
        add("Ti", 22, 47.867, 4.9664, 0.4540, k("Kα₁", 4.5109, 0.59), k("Kα₂", 4.5049, 0.295), k("Kβ", 4.9318, 0.115), l("Lα", 0.4522, 1));
        add("Cr", 24, 51.996, 5.9892, 0.5742, k("Kα₁", 5.4147, 0.58), k("Kα₂", 5.4055, 0.29), k("Kβ", 5.9467, 0.13), l("Lα", 0.5728, 1));
        add("Mn", 25, 54.938, 6.5390, 0.6387, k("Kα₁", 5.8988, 0.58), k("Kα₂", 5.8877, 0.29), k("Kβ", 6.4905, 0.13), l("Lα", 0.6374, 1));
        add("Fe", 26, 55.845, 7.1120, 0.7068, k("Kα₁", 6.4038, 0.58), k("Kα₂", 6.3908, 0.29), k("Kβ", 7.0580, 0.13), l("Lα", 0.7050, 1));
        add("Ni", 28, 58.693, 8.3328, 0.8527, k("Kα₁", 7.4782, 0.58), k("Kα₂", 7.4609, 0.29), k("Kβ", 8.2647, 0.13), l("Lα", 0.8515, 1));
        add("Cu", 29, 63.546, 8.9789, 0.9327, k("Kα₁", 8.0478, 0.58), k("Kα₂", 8.0278, 0.29), k("Kβ", 8.9053, 0.13), l("Lα", 0.9297, 1));
        add("Zn", 30, 65.38, 9.6586, 1.0197, k("Kα₁", 8.6389, 0.58), k("Kα₂", 8.6158, 0.29), k("Kβ", 9.5720, 0.13), l("Lα", 1.0116, 1));
        add("Zr", 40, 91.224, 17.9976, 2.2223, k("Kα₁", 15.7751, 0.56), k("Kα₂", 15.6909, 0.28), k("Kβ", 17.6678, 0.16),
                l("Lα", 2.0424, 0.625), l("Lβ", 2.1244, 0.375));
        add("Nb", 41, 92.906, 18.9856, 2.3705, k("Kα₁", 16.6151, 0.56), k("Kα₂", 16.5210, 0.28), k("Kβ", 18.6225, 0.16),
                l("Lα", 2.1659, 0.625), l("Lβ", 2.2573, 0.375));
        add("Mo", 42, 95.95, 20.0000, 2.5202, k("Kα₁", 17.4793, 0.56), k("Kα₂", 17.3743, 0.28), k("Kβ", 19.6083, 0.16),
                l("Lα", 2.2932, 0.625), l("Lβ", 2.3948, 0.375));
        add("Ag", 47, 107.868, 25.5140, 3.3511, k("Kα₁", 22.1629, 0.56), k("Kα₂", 21.9903, 0.28), k("Kβ", 24.9424, 0.16),
                l("Lα", 2.9843, 0.625), l("Lβ", 3.1509, 0.375));
        // heavy elements: Chantler 2005 energies, EPQ weights relative to Lα and to Mα (both via HyperSpy)
        heavy("Hf", 72, 178.49, 65.351, 9.561, 1.662,
                l("Lℓ", 6.9598, 0.05089), l("Lα", 7.899, 1.0), l("Lβ₁", 9.023, 0.46231),
                l("Lβ₂", 9.347, 0.2048), l("Lγ₁", 10.5156, 0.08968),
                m("Mζ", 1.2813, 0.06), m("Mα", 1.6446, 1.0), m("Mβ", 1.6993, 0.59443), m("Mγ", 1.8939, 0.08505));
        heavy("Ta", 73, 180.948, 67.416, 9.881, 1.735,
                l("Lℓ", 7.1731, 0.0515), l("Lα", 8.146, 1.0), l("Lβ₁", 9.3429, 0.46248),
                l("Lβ₂", 9.6518, 0.2076), l("Lγ₁", 10.8948, 0.09071),
                m("Mζ", 1.3306, 0.01344), m("Mα", 1.7101, 1.0), m("Mβ", 1.7682, 0.59443), m("Mγ", 1.9647, 0.08505));
        heavy("W", 74, 183.84, 69.525, 10.207, 1.809,
                l("Lℓ", 7.3872, 0.04169), l("Lα", 8.3976, 1.0), l("Lβ₁", 9.6724, 0.3679),
                l("Lβ₂", 9.9614, 0.21385), l("Lγ₁", 11.2852, 0.05658),
                m("Mζ", 1.3839, 0.01344), m("Mα", 1.7756, 1.0), m("Mβ", 1.8351, 0.59443), m("Mγ", 2.0356, 0.08505));
        heavy("Pt", 78, 195.084, 78.395, 11.564, 2.122,
                l("Lℓ", 8.2677, 0.0554), l("Lα", 9.4421, 1.0), l("Lβ₁", 11.0707, 0.4088),
                l("Lβ₂", 11.2504, 0.21829), l("Lγ₁", 12.9418, 0.08448),
                m("Mζ", 1.6026, 0.01344), m("Mα", 2.0505, 1.0), m("Mβ", 2.1276, 0.59443), m("Mγ", 2.3321, 0.08505));
        heavy("Au", 79, 196.967, 80.725, 11.919, 2.206,
                l("Lℓ", 8.4938, 0.0562), l("Lα", 9.713, 1.0), l("Lβ₁", 11.4425, 0.40151),
                l("Lβ₂", 11.5848, 0.21949), l("Lγ₁", 13.3816, 0.08407),
                m("Mζ", 1.6603, 0.01344), m("Mα", 2.1229, 1.0), m("Mβ", 2.2047, 0.59443), m("Mγ", 2.4091, 0.08505));
        heavy("Pb", 82, 207.2, 88.005, 13.035, 2.484,
                l("Lℓ", 9.1845, 0.0586), l("Lα", 10.5512, 1.0), l("Lβ₁", 12.6144, 0.3836),
                l("Lβ₂", 12.6223, 0.2244), l("Lγ₁", 14.7648, 0.08256),
                m("Mζ", 1.8395, 0.0058), m("Mα", 2.3459, 1.0), m("Mβ", 2.4427, 0.64124), m("Mγ", 2.6535, 0.21845));
        heavy("Bi", 83, 208.98, 90.526, 13.419, 2.58,
                l("Lℓ", 9.4195, 0.06), l("Lα", 10.839, 1.0), l("Lβ₁", 13.0235, 0.4),
                l("Lβ₂", 12.9786, 0.2278), l("Lγ₁", 15.2475, 0.08),
                m("Mζ", 1.9007, 0.0058), m("Mα", 2.4222, 1.0), m("Mβ", 2.5257, 0.64124), m("Mγ", 2.7369, 0.21845));
        heavy("U", 92, 238.029, 115.606, 17.166, 3.552,
                l("Lℓ", 11.6183, 0.069), l("Lα", 13.6146, 1.0), l("Lβ₁", 17.22, 0.4),
                l("Lβ₂", 16.4286, 0.236), l("Lγ₁", 20.1672, 0.08),
                m("Mζ", 2.5068, 0.03512), m("Mα", 3.1708, 1.0), m("Mβ", 3.3363, 0.6086), m("Mγ", 3.5657, 0.33505));
    }

    private EdsLines() {
    }

    /** The Kα energy a detector sees: the 2 : 1 weighted mean of Kα₁ and Kα₂ (the line itself for light elements). */
    static double kAlpha(String symbol) {
        double sum = 0;
        double weight = 0;
        for (Line line : ELEMENTS.get(symbol).lines()) {
            if (line.name().startsWith("Kα")) {
                sum += line.energy() * line.weight();
                weight += line.weight();
            }
        }
        return sum / weight;
    }
}
