package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

/**
 * Fe₃C (cementite) in the XRD generator against crystallography it was not built from. The generator's cell is Fasiska
 * and Jeffrey's (Acta Cryst. 19 (1965) 463, given there in Pbnm as 4.5248, 5.0896, 6.7443 Å; here in Pnma, No. 62:
 * a = 5.0896, b = 6.7443, c = 4.5248 Å). The reference d-spacings come from an independent modern refinement:
 * Leineweber, J. Appl. Cryst. 45 (2012) 944–949, an Fe₃C powder at 300 K, a = 5.09100, b = 6.74692, c = 4.52711 Å.
 * No citable list of cementite's relative intensities was at hand (the ICDD file is not public), so the order of the
 * lines is not checked; their positions and Pnma's systematic absences are.
 */
class CementiteReferenceTest {
    private static final double[] LEINEWEBER_CELL = {5.09100, 6.74692, 4.52711};
    private static final Crystal FE3C = XrdPhases.PHASES.get("cementite");

    private static double referenceD(int h, int k, int l) {
        double a = LEINEWEBER_CELL[0], b = LEINEWEBER_CELL[1], c = LEINEWEBER_CELL[2];
        return 1 / Math.sqrt(h * h / (a * a) + k * k / (b * b) + l * l / (c * c));
    }

    private static double twoTheta(double d, double lambda) {
        return 2 * Math.toDegrees(Math.asin(lambda / (2 * d)));
    }

    /** Pnma's reflection conditions (International Tables vol. A, No. 62): 0kl k+l even, hk0 h even, h00, 0k0, 00l even. */
    static boolean allowedInPnma(int h, int k, int l) {
        if (h == 0 && (k + l) % 2 != 0) {
            return false; // n-glide ⊥ a; covers 0k0 and 00l
        }
        if (l == 0 && h % 2 != 0) {
            return false; // a-glide ⊥ c; covers h00
        }
        return true;
    }

    @Test
    void theGeneratorUsesFasiskaAndJeffreysCellWhichAModernRefinementConfirms() {
        assertEquals(5.0896, FE3C.a(), 1e-9);
        assertEquals(6.7443, FE3C.b(), 1e-9);
        assertEquals(4.5248, FE3C.c(), 1e-9);
        assertEquals(LEINEWEBER_CELL[0], FE3C.a(), LEINEWEBER_CELL[0] * 6e-4, "a within 0.06 %");
        assertEquals(LEINEWEBER_CELL[1], FE3C.b(), LEINEWEBER_CELL[1] * 6e-4, "b within 0.06 %");
        assertEquals(LEINEWEBER_CELL[2], FE3C.c(), LEINEWEBER_CELL[2] * 6e-4, "c within 0.06 %");
    }

    @Test
    void pnmaExtinctionsHoldOnTheStructureFactorAndNothingElseIsMissing() {
        var atoms = FE3C.atoms();
        double strongest = FE3C.structureFactorSquared(0, 3, 1, atoms);
        int absent = 0;
        int allowed = 0;
        for (int h = -6; h <= 6; h++) {
            for (int k = -8; k <= 8; k++) {
                for (int l = -6; l <= 6; l++) {
                    if (h == 0 && k == 0 && l == 0) {
                        continue;
                    }
                    double f2 = FE3C.structureFactorSquared(h, k, l, atoms) / strongest;
                    if (allowedInPnma(h, k, l)) {
                        allowed++;
                    } else {
                        absent++;
                        assertEquals(0, f2, 1e-12, "Pnma forbids " + h + k + l);
                    }
                }
            }
        }
        assertEquals(13 * 17 * 13 - 1, absent + allowed);
        assertTrue(absent > 100, "the zones checked hold " + absent + " forbidden reflections");
        // one allowed reflection of each zone with a condition, and h0l, which has none (101, 102, 201: h + l odd, present)
        for (int[] hkl : new int[][] {{0, 1, 1}, {0, 2, 0}, {0, 0, 2}, {2, 0, 0}, {2, 1, 0}, {1, 0, 1}, {1, 0, 2}, {2, 0, 1}, {1, 2, 1}}) {
            assertTrue(FE3C.structureFactorSquared(hkl[0], hkl[1], hkl[2], atoms) / strongest > 1e-4, "allowed " + hkl[0] + hkl[1] + hkl[2]);
        }
    }

    /** The generator's noise-free pure cementite pattern at Cu Kα₁ + Kα₂, 20–70° in 0.005° steps, no size or strain broadening. */
    private static TensorColumn drawn() throws Exception {
        var p = new GenerateXrdNode.Params(List.of("cementite"), 1, 1, 20, 70, 0.005, XrayTube.CU, 0.004, -0.002, 0.002, 0, 0, 1000, 0, 0, "");
        Table pure = (Table) new GenerateXrdNode().execute(new Inputs(Map.of()), p, new StandaloneContext("xrd", 1, Path.of("."))).get("pure");
        return (TensorColumn) pure.column("pattern").orElseThrow();
    }

    @Test
    void theStrongestDrawnPeaksSitAtTheReferenceDSpacings() throws Exception {
        TensorColumn pattern = drawn();
        Axis axis = pattern.shape().axis(0);
        double[] y = new double[pattern.rowSize()];
        for (int i = 0; i < y.length; i++) {
            y[i] = pattern.values()[i];
        }
        List<PeakFinder.Peak> peaks = new ArrayList<>(PeakFinder.find(y, 1, 0));
        // the lines between 35 and 60° that rise to at least a tenth of the tallest: each has its drawn Kα₁ maximum within
        // 0.002 Å of its reference d (the tolerance of the other phases' powder-file check; the two cells differ by 0.03–0.05 %)
        int[][] lines = {{1, 2, 1}, {2, 1, 0}, {0, 0, 2}, {2, 0, 1}, {2, 1, 1}, {1, 0, 2}, {2, 2, 0}, {0, 3, 1}, {1, 1, 2}, {1, 3, 1}, {2, 2, 1},
            {1, 2, 2}, {2, 3, 0}, {3, 0, 1}};
        for (int[] hkl : lines) {
            double dRef = referenceD(hkl[0], hkl[1], hkl[2]);
            double at = twoTheta(dRef, XrayTube.CU.kAlpha1);
            PeakFinder.Peak nearest = peaks.stream().min((a, b) -> Double.compare(Math.abs(axis.value(a.index()) - at), Math.abs(axis.value(b.index()) - at)))
                    .orElseThrow();
            double dDrawn = XrayTube.CU.kAlpha1 / (2 * Math.sin(Math.toRadians(axis.value(nearest.index()) / 2)));
            assertEquals(dRef, dDrawn, 0.002, "" + hkl[0] + hkl[1] + hkl[2] + " at " + at + "°");
        }
        // and the other way round: the ten most prominent drawn peaks are all Kα₁ lines or Kα₂ replicas of allowed reflections
        peaks.sort((a, b) -> Double.compare(b.prominence(), a.prominence()));
        for (PeakFinder.Peak pk : peaks.subList(0, 10)) {
            double x = axis.value(pk.index());
            assertTrue(nearAllowedReflection(x, XrayTube.CU.kAlpha1, 0.05) || nearAllowedReflection(x, XrayTube.CU.kAlpha2, 0.05),
                    "a strong peak at " + x + "° that no Pnma reflection of the reference cell explains");
        }
    }

    /** Whether an allowed reflection of the reference cell lies within {@code tol}° of {@code x} at wavelength lambda. */
    private static boolean nearAllowedReflection(double x, double lambda, double tol) {
        for (int h = 0; h <= 4; h++) {
            for (int k = 0; k <= 5; k++) {
                for (int l = 0; l <= 4; l++) {
                    if (h + k + l > 0 && allowedInPnma(h, k, l) && Math.abs(twoTheta(referenceD(h, k, l), lambda) - x) < tol) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void noPeakIsDrawnWhereOnlyAForbiddenReflectionWouldBe() throws Exception {
        TensorColumn pattern = drawn();
        Axis axis = pattern.shape().axis(0);
        double top = 0;
        for (float v : pattern.values()) {
            top = Math.max(top, v);
        }
        // 110 (21.86°), 120 (31.81°), 021 (33.10°), 012 (42.10°): forbidden, and more than 0.25° from any allowed line
        for (int[] hkl : new int[][] {{1, 1, 0}, {1, 2, 0}, {0, 2, 1}, {0, 1, 2}}) {
            assertTrue(!allowedInPnma(hkl[0], hkl[1], hkl[2]));
            double at = twoTheta(FE3C.dSpacing(hkl[0], hkl[1], hkl[2]), XrayTube.CU.kAlpha1);
            assertTrue(!nearAllowedReflection(at, XrayTube.CU.kAlpha1, 0.25) && !nearAllowedReflection(at, XrayTube.CU.kAlpha2, 0.25), hkl[0] + "" + hkl[1] + hkl[2]);
            int i = (int) Math.round((at - axis.value(0)) / (axis.value(1) - axis.value(0)));
            assertTrue(pattern.values()[i] < 0.01 * top, hkl[0] + "" + hkl[1] + hkl[2] + " at " + at + "°: " + pattern.values()[i] + " of " + top);
        }
    }
}
