package org.anneal.nodes.spectra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * X-ray emission lines and absorption edges (keV) of the elements the EDS generators know, from the X-ray Data
 * Booklet (Thompson et al., LBNL 2009; Bearden 1967 line energies, Bearden and Burr 1967 edges). Kα is split into Kα₁
 * and Kα₂ (2 : 1); Kβ carries the Kβ₁,₃ energy. Relative weights within a shell are rounded textbook values (Kβ/Kα about
 * 0.13 for the 3d metals, less for the light elements; Lβ/Lα 0.6 for Nb and Mo).
 */
final class EdsLines {
    /** One emission line: its name, energy (keV), shell (K or L) and weight within the shell. */
    record Line(String name, double energy, char shell, double weight) {
    }

    /** An element: atomic number, atomic weight, K and L₃ edge energies (keV; 0 = none in range), its lines. */
    record Element(String symbol, int z, double weight, double kEdge, double l3Edge, List<Line> lines) {
    }

    static final Map<String, Element> ELEMENTS = new LinkedHashMap<>();

    private static void add(String symbol, int z, double weight, double kEdge, double l3Edge, Line... lines) {
        ELEMENTS.put(symbol, new Element(symbol, z, weight, kEdge, l3Edge, List.of(lines)));
    }

    private static Line k(String name, double energy, double weight) {
        return new Line(name, energy, 'K', weight);
    }

    private static Line l(String name, double energy, double weight) {
        return new Line(name, energy, 'L', weight);
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
