package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.junit.jupiter.api.Test;

/**
 * HyperSpy's real Cr L₃,₂ core-loss edge and its low-loss spectrum (datasets/spectra/hyperspy, 200 kV, 0.1 eV per
 * channel), read by data.spectrum-image and measured by Anneal's blocks, against physics tables and against what
 * HyperSpy itself computes from the same file.
 */
class RealCrEdgePhysicsTest {

    private static TensorColumn spectrum(Table t) {
        return (TensorColumn) t.column("spectrum").orElseThrow();
    }

    private static Table load(String file) throws Exception {
        return SpectrumImageNodeTest.load(SpectrumImageNodeTest.REAL, file, AxisKind.ENERGY_EV);
    }

    /** The two strongest peaks between 570 and 590 eV as spectra.peaks fits them (pseudo-Voigt), by energy. */
    private static double[] whiteLines(Table edge) throws Exception {
        Table peaks = PeaksNodeTest.peaks(edge, new PeaksNode.Params("spectrum", 300, 0, PeakProfile.PSEUDO_VOIGT, 0));
        List<Double> centres = new java.util.ArrayList<>();
        for (int r = 0; r < peaks.rowCount() && centres.size() < 2; r++) { // rank order: the most prominent first
            double c = peaks.numeric("fit_center").get(r);
            if (c > 570 && c < 590) {
                centres.add(c);
            }
        }
        assertEquals(2, centres.size(), "two white lines: " + centres);
        centres.sort(null);
        return new double[] {centres.get(0), centres.get(1)};
    }

    @Test
    void theWhiteLinesSitAtTheTabulatedL3AndL2EnergiesAndTheirSplittingIsTheSpinOrbitSplitting() throws Exception {
        double[] l3l2 = whiteLines(load("Cr_L_cl.hspy"));
        // HyperSpy's element table (from Gatan's EELS Atlas) gives Cr L₃ 575 eV and L₂ 584 eV, to the eV. The file records
        // only its axis (offset 560.0 eV, 0.1 eV per channel), no calibration against a reference edge: a spectrometer's
        // absolute energy is set to about ±1 eV unless it is, so the positions are checked to 1 eV
        assertEquals(575, l3l2[0], 1.0, "L₃ white line");
        assertEquals(584, l3l2[1], 1.0, "L₂ white line");
        // the difference does not depend on the offset, only on the dispersion (0.1 eV per channel): the 2p spin–orbit
        // splitting, 9 eV in the same table (583.5 − 574.2 = 9.3 eV for the metal's 2p levels in XPS, Moulder et al.,
        // Handbook of X-ray Photoelectron Spectroscopy); white-line maxima of a compound move by a few tenths of an eV
        // with its multiplets, hence ±0.7 eV
        assertEquals(9.0, l3l2[1] - l3l2[0], 0.7, "spin–orbit splitting L₂ − L₃");
    }

    @Test
    void theLowLossTailFallsAsAPowerLawWithAUsualExponentWhileTheCoreLossFileIsAlreadyBackgroundFree() throws Exception {
        Table low = load("Cr_L_ll.hspy");
        TensorColumn s = spectrum(low);
        Axis axis = s.shape().axis(0);
        double[] y = new double[axis.size()];
        double dark = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = s.values()[i];
            if (axis.value(i) <= -5) { // −20 to −5 eV, before the zero-loss peak: the detector's dark level, 34.6 counts
                dark += y[i];
                n++;
            }
        }
        dark /= n;
        assertEquals(34.6, dark, 0.1, "the dark level the file keeps");
        for (int i = 0; i < y.length; i++) {
            y[i] -= dark;
        }
        // Egerton (EELS in the Electron Microscope, §3.5, §4.4): the background under an edge, the tail of all lower losses,
        // falls as A·E^−r with r usually between 2 and 5 (smaller at low loss, larger at higher loss); spectra.eels-background's fit
        // over the tail from 100 to 180 eV (beyond the plasmon and the Cr M₂,₃ edge at 43 eV) gives 2.55
        double r = EelsBackgroundNode.fit(y, axis, 100, 180)[1];
        assertTrue(r > 2 && r < 5, "power-law exponent r = " + r);
        assertEquals(2.55, r, 0.01, "regression value of that fit");
        // the core-loss file: its 560–570 eV pre-edge rises from about 45 to 90 counts instead of falling, so its background
        // was already subtracted (HyperSpy's own test fits it with auto_background=False): a power law there has r < 0
        Table edge = load("Cr_L_cl.hspy");
        TensorColumn e = spectrum(edge);
        double[] ye = new double[e.rowSize()];
        for (int i = 0; i < ye.length; i++) {
            ye[i] = e.values()[i];
        }
        assertTrue(EelsBackgroundNode.fit(ye, e.shape().axis(0), 560, 570)[1] < 0, "no falling background left before the edge");
    }

    @Test
    void theLogRatioThicknessOfTheLowLossSpectrumIsHyperSpysEstimate() throws Exception {
        TensorColumn s = spectrum(load("Cr_L_ll.hspy"));
        Axis axis = s.shape().axis(0);
        float[] y = s.values();
        int top = 0;
        for (int i = 1; i < y.length; i++) {
            top = y[i] > y[top] ? i : top;
        }
        assertEquals(-0.4, axis.value(top), 1e-9, "the zero-loss peak's maximum, where HyperSpy finds it");
        int end = top; // the zero-loss peak ends at the first minimum after its top (Egerton §5.1)
        while (y[end + 1] < y[end]) {
            end++;
        }
        assertEquals(4.1, axis.value(end), 1e-9);
        double zeroLoss = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            total += y[i];
            zeroLoss += i <= end ? y[i] : 0;
        }
        double tOverLambda = Math.log(total / zeroLoss);
        // HyperSpy 1.7.3 (Debian's python3-hyperspy, the package the file comes from) on this file:
        // hs.load("Cr_L_ll.hspy").estimate_thickness(threshold=ll.estimate_elastic_scattering_threshold(window=10)) gives
        // t/λ = 0.9450 with its zero-loss boundary at 3.6 eV, the first inflexion of the smoothed spectrum; the first minimum
        // (4.1 eV) gives 0.9399. Both keep the 34.6-count dark level and stop at the file's last channel (183.4 eV), so
        // the bound is the difference of the two boundary rules, 0.01. (Without the dark level: 0.88.)
        assertEquals(0.9450, tOverLambda, 0.01, "log-ratio t/λ");
        assertEquals(0.9399, tOverLambda, 1e-3, "with the first minimum as the boundary");
    }
}
