package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Plural scattering in the EELS generator against what Poisson statistics fix: the zero-loss share is e^(−t/λ), so the
 * log-ratio method (Egerton, EELS in the Electron Microscope, §5.1) gives t/λ back; inelastic scattering moves counts to
 * higher loss without losing any; the edge's white lines keep e^(−t/λ) of their height and gain a replica one plasmon up.
 */
class EelsPluralScatteringTest {
    private static final double DISPERSION = 0.25;
    private static final double PLASMON = 24.5; // Cr

    @Test
    void theLogRatioOfTheLowLossSpectrumIsTheThickness() {
        for (double t : new double[] {0.05, 0.3, 0.8, 1.5}) {
            double[] low = EelsEdge.lowLoss(2400, DISPERSION, PLASMON, 6, t);
            double total = 0;
            for (double v : low) {
                total += v;
            }
            // the Lorentzian plasmon keeps 0.04 % of its weight in the 0 eV channel: the zero-loss share is e^(−t/λ) to that
            assertEquals(Math.exp(-t), low[0], 5e-4 * t, "the zero-loss share at t/λ " + t);
            assertEquals(1, total, 2e-3, "no electron lost at t/λ " + t + " (Lorentzian tails beyond 600 eV aside)");
            assertEquals(t, Math.log(total / low[0]), 2e-3, "log-ratio t/λ");
        }
    }

    @Test
    void theSinglePlasmonPeakSitsAtThePlasmonEnergyAndTheDoubleOneAtTwice() {
        double t = 0.5;
        double[] low = EelsEdge.lowLoss(800, DISPERSION, PLASMON, 6, t);
        assertEquals(PLASMON, DISPERSION * argmax(low, 1, 150), DISPERSION);
        // the double plasmon (a Lorentzian of twice the width, so half the height) with weight t²/2 against t: a quarter
        // of the single peak's height × t, seen as a shoulder: the excess over the single peak's tail at 49 eV
        double single = low[98];
        double thinner = EelsEdge.lowLoss(800, DISPERSION, PLASMON, 6, 1e-6)[196] / 1e-6 * t * Math.exp(-t); // single tail alone
        double doubled = low[196] - thinner;
        assertEquals(t / 4, doubled / single, 0.02, "n = 2 over n = 1 peak heights");
    }

    @Test
    void theEdgeKeepsItsCountsLosesHeightAndGainsAReplicaOnePlasmonUp() {
        int n = 1600; // 400 eV from 515 eV: far enough that the replicas stay on the grid
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 515 + i * DISPERSION;
        }
        // white lines only (no continuum step), L₃/L₂ = 4: the replica of L₃ stands clear of L₂'s
        double[] single = EelsEdge.singleScattering(e, EelsEdge.Element.CR, 0, 100, 4);
        for (double t : new double[] {0.2, 0.6}) {
            double[] plural = EelsEdge.convolve(single, EelsEdge.lowLoss(n, DISPERSION, PLASMON, 6, t), n);
            assertEquals(sum(single), sum(plural), 5e-3 * sum(single), "counts conserved at t/λ " + t);
            int l3 = (int) Math.round((575 - 515) / DISPERSION);
            assertEquals(Math.exp(-t), plural[l3] / single[l3], 0.01, "the L₃ top keeps e^(−t/λ) of its height");
            double[] excess = new double[n];
            for (int i = 0; i < n; i++) {
                excess[i] = plural[i] - Math.exp(-t) * single[i];
            }
            double replica = 515 + DISPERSION * argmax(excess, l3 + 40, l3 + 140);
            assertEquals(575 + PLASMON, replica, 0.5, "L₃'s plasmon replica at t/λ " + t);
            // its area: the single-plasmon share t·e^(−t) of the L₃ white line (100), within what the tails spread off
            double area = 0;
            for (int i = l3 + 40; i < l3 + 160; i++) {
                area += excess[i] * DISPERSION;
            }
            assertTrue(area > 0.6 * t * Math.exp(-t) * 125 && area < 1.05 * t * Math.exp(-t) * 125, "replicas of L₃ + L₂ (125): " + area);
        }
    }

    private static int argmax(double[] y, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            best = y[i] > y[best] ? i : best;
        }
        return best;
    }

    private static double sum(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s;
    }
}
