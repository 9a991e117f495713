package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * A crystal structure: lattice parameters (Å, degrees), the lattice centring, the symmetry operations that generate the
 * occupied Wyckoff positions from the asymmetric unit, and the sites (element, fractional position, isotropic
 * Debye–Waller B in Å²). Everything a powder pattern needs follows from it: d-spacings from the metric tensor, the
 * content of the cell, its density and |F(hkl)|².
 */
record Crystal(String name, String formula, double a, double b, double c, double alpha, double beta, double gamma, Centring centring,
        List<SymmetryOp> operations, List<Site> sites) {
    static final double AVOGADRO = 6.02214076e23;

    /** An atom of the asymmetric unit. */
    record Site(String element, double x, double y, double z, double debyeWallerB) {
    }

    /** One atom of the full cell. */
    record Atom(String element, double[] xyz, double debyeWallerB) {
    }

    /** The lattice translations added to every position (P, I, F, R in hexagonal axes). */
    enum Centring {
        P(new double[][] {{0, 0, 0}}),
        I(new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}),
        F(new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}),
        R(new double[][] {{0, 0, 0}, {2 / 3.0, 1 / 3.0, 1 / 3.0}, {1 / 3.0, 2 / 3.0, 2 / 3.0}});

        final double[][] translations;

        Centring(double[][] translations) {
            this.translations = translations;
        }
    }

    static Crystal of(String name, String formula, double[] lattice, Centring centring, String operations, Site... sites) {
        List<SymmetryOp> ops = new ArrayList<>();
        for (String op : operations.split(";")) {
            ops.add(SymmetryOp.parse(op));
        }
        return new Crystal(name, formula, lattice[0], lattice[1], lattice[2], lattice[3], lattice[4], lattice[5], centring, List.copyOf(ops),
                List.of(sites));
    }

    /** Every atom of the cell: each site under each operation and centring translation, duplicates removed. */
    List<Atom> atoms() {
        List<Atom> out = new ArrayList<>();
        for (Site s : sites) {
            List<double[]> seen = new ArrayList<>();
            for (SymmetryOp op : operations) {
                double[] p0 = op.apply(new double[] {s.x(), s.y(), s.z()});
                for (double[] t : centring.translations) {
                    double[] p = new SymmetryOp(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, t).apply(p0);
                    if (seen.stream().noneMatch(q -> samePosition(p, q))) {
                        seen.add(p);
                        out.add(new Atom(s.element(), p, s.debyeWallerB()));
                    }
                }
            }
        }
        return out;
    }

    private static boolean samePosition(double[] p, double[] q) {
        for (int i = 0; i < 3; i++) {
            double d = Math.abs(p[i] - q[i]);
            if (Math.min(d, 1 - d) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    /** The metric tensor G (Å²): G_ij = a_i · a_j. */
    double[][] metric() {
        double ca = Math.cos(Math.toRadians(alpha));
        double cb = Math.cos(Math.toRadians(beta));
        double cg = Math.cos(Math.toRadians(gamma));
        return new double[][] {{a * a, a * b * cg, a * c * cb}, {a * b * cg, b * b, b * c * ca}, {a * c * cb, b * c * ca, c * c}};
    }

    /** Cell volume, Å³: the square root of det G. */
    double volume() {
        double[][] g = metric();
        return Math.sqrt(det(g));
    }

    /** d(hkl) in Å from the reciprocal metric tensor G⁻¹: 1/d² = hᵀ G⁻¹ h. */
    double dSpacing(int h, int k, int l) {
        double[][] g = metric();
        double[][] inv = inverse(g);
        int[] v = {h, k, l};
        double q = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                q += v[i] * inv[i][j] * v[j];
            }
        }
        return 1 / Math.sqrt(q);
    }

    /** Mass of the cell's content, g/mol. */
    double cellMass() {
        return atoms().stream().mapToDouble(at -> CromerMann.weight(at.element())).sum();
    }

    /** X-ray density, g/cm³ (1 Å³ = 10⁻²⁴ cm³). */
    double density() {
        return cellMass() / (AVOGADRO * volume() * 1e-24);
    }

    /** Mass fraction of iron in the phase (for Fe fluorescence under Cu radiation). */
    double ironFraction() {
        return atoms().stream().filter(at -> at.element().equals("Fe")).mapToDouble(at -> CromerMann.weight("Fe")).sum() / cellMass();
    }

    /**
     * |F(hkl)|² in electrons²: F = Σⱼ fⱼ(s)·exp(−Bⱼ s²)·exp(2πi h·xⱼ) with s = 1/(2d), over {@code atoms} (pass
     * {@link #atoms()} once when summing many reflections).
     */
    double structureFactorSquared(int h, int k, int l, List<Atom> atoms) {
        double s = 1 / (2 * dSpacing(h, k, l));
        double re = 0;
        double im = 0;
        for (Atom at : atoms) {
            double amp = CromerMann.f(at.element(), s) * Math.exp(-at.debyeWallerB() * s * s);
            double phase = 2 * Math.PI * (h * at.xyz()[0] + k * at.xyz()[1] + l * at.xyz()[2]);
            re += amp * Math.cos(phase);
            im += amp * Math.sin(phase);
        }
        return re * re + im * im;
    }

    /** Shortest distance (Å) between an atom of element {@code e1} and one of {@code e2} in neighbouring cells. */
    double shortestDistance(String e1, String e2) {
        double[][] g = metric();
        double best = Double.MAX_VALUE;
        List<Atom> all = atoms();
        for (Atom p : all) {
            for (Atom q : all) {
                if (!p.element().equals(e1) || !q.element().equals(e2)) {
                    continue;
                }
                for (int n = 0; n < 27; n++) {
                    double[] d = {q.xyz()[0] - p.xyz()[0] + n % 3 - 1, q.xyz()[1] - p.xyz()[1] + n / 3 % 3 - 1, q.xyz()[2] - p.xyz()[2] + n / 9 - 1};
                    double d2 = 0;
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            d2 += d[i] * g[i][j] * d[j];
                        }
                    }
                    if (d2 > 1e-6) {
                        best = Math.min(best, Math.sqrt(d2));
                    }
                }
            }
        }
        return best;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[][] inverse(double[][] m) {
        double d = det(m);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3;
                int i2 = (j + 2) % 3;
                int j1 = (i + 1) % 3;
                int j2 = (i + 2) % 3;
                inv[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / d;
            }
        }
        return inv;
    }
}
