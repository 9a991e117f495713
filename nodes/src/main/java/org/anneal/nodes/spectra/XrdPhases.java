package org.anneal.nodes.spectra;

import static org.anneal.nodes.spectra.Crystal.Centring.F;
import static org.anneal.nodes.spectra.Crystal.Centring.I;
import static org.anneal.nodes.spectra.Crystal.Centring.P;
import static org.anneal.nodes.spectra.Crystal.Centring.R;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anneal.nodes.spectra.Crystal.Site;

/**
 * The teaching phases, each as its space group's operations (International Tables vol. A; only the generators the
 * occupied Wyckoff positions need, with the centring given separately), room-temperature lattice parameters and the
 * asymmetric unit with rounded isotropic B (Å²). Positions follow the usual refinements: cementite Fasiska and Jeffrey
 * (1965), rutile and anatase Horn et al. (1970, 1972) — anatase in origin choice 1 —, corundum Lewis et al. (1982), ZnO
 * Kisi and Elcombe (1989), α-quartz Levien et al. (1980) with the origin moved by c/3 so that Si sits on the two-fold
 * axis of the tables' setting (3a at x,0,⅔). γ-Fe is austenite as retained at room temperature. B values
 * are typical room-temperature magnitudes, not refined ones: they shape the fall of intensity with angle, nothing more.
 */
final class XrdPhases {
    private static final String IDENTITY = "x,y,z";
    /** Enough for the cubic phases, whose sites are all listed: the centring does the rest. */
    private static final String CUBIC_SPECIAL = IDENTITY;
    /** Pnma (No. 62). */
    private static final String PNMA = "x,y,z;-x+1/2,-y,z+1/2;-x,y+1/2,-z;x+1/2,-y+1/2,-z+1/2;-x,-y,-z;x+1/2,y,-z+1/2;x,-y+1/2,z;-x+1/2,y+1/2,z+1/2";
    /** P4₂/mnm (No. 136), the operations that generate 2a and 4f. */
    private static final String P42_MNM = "x,y,z;-x,-y,z;-y+1/2,x+1/2,z+1/2;y+1/2,-x+1/2,z+1/2;y,x,-z;-y,-x,-z";
    /** I4₁/amd (No. 141) origin choice 1, the generators of 4a and 8e (+I). */
    private static final String I41_AMD = "x,y,z;-x,-y,z;-y,x+1/2,z+1/4;y,-x+1/2,z+1/4;-x,y+1/2,-z+1/4;x,-y+1/2,-z+1/4;y,x,-z;-y,-x,-z";
    /** R-3c (No. 167), hexagonal axes (+R). */
    private static final String R3C = "x,y,z;-y,x-y,z;-x+y,-x,z;y,x,-z+1/2;x-y,-y,-z+1/2;-x,-x+y,-z+1/2;"
            + "-x,-y,-z;y,-x+y,-z;x-y,x,-z;-y,-x,z+1/2;-x+y,y,z+1/2;x,x-y,z+1/2";
    /** P6₃mc (No. 186). */
    private static final String P63MC = "x,y,z;-y,x-y,z;-x+y,-x,z;-x,-y,z+1/2;y,-x+y,z+1/2;x-y,x,z+1/2";
    /** P3₂21 (No. 154). */
    private static final String P3221 = "x,y,z;-y,x-y,z+2/3;-x+y,-x,z+1/3;y,x,-z;x-y,-y,-z+1/3;-x,-x+y,-z+2/3";

    private static double[] cubic(double a) {
        return new double[] {a, a, a, 90, 90, 90};
    }

    private static double[] hexagonal(double a, double c) {
        return new double[] {a, a, c, 90, 90, 120};
    }

    private static double[] tetragonal(double a, double c) {
        return new double[] {a, a, c, 90, 90, 90};
    }

    /** By choice name, in the order the docs list them. */
    static final Map<String, Crystal> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("alpha-fe", Crystal.of("α-Fe (ferrite)", "Fe", cubic(2.8665), I, CUBIC_SPECIAL, new Site("Fe", 0, 0, 0, 0.35)));
        PHASES.put("gamma-fe", Crystal.of("γ-Fe (austenite)", "Fe", cubic(3.5910), F, CUBIC_SPECIAL, new Site("Fe", 0, 0, 0, 0.50)));
        PHASES.put("cementite", Crystal.of("Fe₃C (cementite)", "Fe3C", new double[] {5.0896, 6.7443, 4.5248, 90, 90, 90}, P, PNMA,
                new Site("Fe", 0.036, 0.25, 0.852, 0.40), new Site("Fe", 0.186, 0.063, 0.328, 0.40), new Site("C", 0.890, 0.25, 0.450, 0.50)));
        PHASES.put("aluminium", Crystal.of("Al", "Al", cubic(4.0494), F, CUBIC_SPECIAL, new Site("Al", 0, 0, 0, 0.85)));
        PHASES.put("copper", Crystal.of("Cu", "Cu", cubic(3.6149), F, CUBIC_SPECIAL, new Site("Cu", 0, 0, 0, 0.55)));
        PHASES.put("silicon", Crystal.of("Si", "Si", cubic(5.4310), F, CUBIC_SPECIAL, // Fd-3m 8a: 0,0,0 and ¼,¼,¼ (+F)
                new Site("Si", 0, 0, 0, 0.46), new Site("Si", 0.25, 0.25, 0.25, 0.46)));
        PHASES.put("halite", Crystal.of("NaCl (halite)", "NaCl", cubic(5.6402), F, CUBIC_SPECIAL,
                new Site("Na", 0, 0, 0, 1.6), new Site("Cl", 0.5, 0.5, 0.5, 1.2)));
        PHASES.put("rutile", Crystal.of("TiO₂ rutile", "TiO2", tetragonal(4.5933, 2.9592), P, P42_MNM,
                new Site("Ti", 0, 0, 0, 0.42), new Site("O", 0.3048, 0.3048, 0, 0.60)));
        PHASES.put("anatase", Crystal.of("TiO₂ anatase", "TiO2", tetragonal(3.7852, 9.5139), I, I41_AMD,
                new Site("Ti", 0, 0, 0, 0.40), new Site("O", 0, 0, 0.2081, 0.60)));
        PHASES.put("corundum", Crystal.of("α-Al₂O₃ (corundum)", "Al2O3", hexagonal(4.7589, 12.991), R, R3C,
                new Site("Al", 0, 0, 0.35216, 0.30), new Site("O", 0.30624, 0, 0.25, 0.35)));
        PHASES.put("zincite", Crystal.of("ZnO (zincite)", "ZnO", hexagonal(3.2498, 5.2066), P, P63MC,
                new Site("Zn", 1 / 3.0, 2 / 3.0, 0, 0.60), new Site("O", 1 / 3.0, 2 / 3.0, 0.3819, 0.60)));
        PHASES.put("quartz", Crystal.of("α-SiO₂ (quartz)", "SiO2", hexagonal(4.9134, 5.4052), P, P3221,
                new Site("Si", 0.4697, 0, 2 / 3.0, 0.50), new Site("O", 0.4135, 0.2669, 0.1191 + 2 / 3.0, 0.80)));
    }

    private XrdPhases() {
    }
}
