package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.junit.jupiter.api.Test;

/**
 * The Raman generator's bands against the published positions and widths it states, recovered by a Lorentzian fit, and
 * its fluorescence background against the mean its random hump must have, worked out by quadrature.
 */
class GenerateRamanBandsAndFluorescenceTest {

    @Test
    void aLorentzianFitFindsEachAnataseBandAtItsPublishedPositionAndWidth() throws Exception {
        // anatase (Ohsaka 1978, as RamanBands rounds them): 144, 197, 399, 515, 639 cm⁻¹; FWHM 10, 10, 20, 20, 25
        Table t = GenerateRamanNode.generate(new GenerateRamanNode.Params(List.of("anatase"), 1, 100, 800, 1401, 20000, 0, 0), 1, 5);
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        Table peaks = PeaksNodeTest.peaks(PeaksNodeTest.spectra(s.shape().axis(0), s.get(0)),
                new PeaksNode.Params("spectrum", 400, 0, PeakProfile.LORENTZIAN, 1.5406));
        double[][] bands = {{144, 10}, {197, 10}, {399, 20}, {515, 20}, {639, 25}};
        assertEquals(bands.length, peaks.rowCount(), "five bands, nothing else");
        double top = 0;
        for (double[] band : bands) {
            int row = 0; // the peak nearest the band (the table lists peaks by prominence)
            for (int r = 0; r < peaks.rowCount(); r++) {
                row = Math.abs(peaks.numeric("fit_center").get(r) - band[0]) < Math.abs(peaks.numeric("fit_center").get(row) - band[0]) ? r : row;
            }
            // counting noise on a 20,000-count band is 0.7 %; the fit puts a flat background under each peak, so the weak
            // 197 band (8 % of 144's height, 53 cm⁻¹ up its tail) reads about 10 % wide: the others within 5 %
            assertEquals(band[0], peaks.numeric("fit_center").get(row), 0.3, "band at " + band[0]);
            assertEquals(band[1], peaks.numeric("fit_fwhm").get(row), (band[0] == 197 ? 0.15 : 0.05) * band[1], "width of the band at " + band[0]);
            top = Math.max(top, peaks.numeric("fit_amplitude").get(row));
        }
        assertTrue(top > 0.8 * 20000 && top < 1.2 * 20000, "the strongest band's top within ±20 % of `counts`: " + top);
    }

    /** E[exp(−½((ν − c)/w)²)] for c = to + R·(0.2 + 0.8a), w = R·(0.5 + b), a and b uniform on [0, 1], R = to − from. */
    private static double humpShare(double distanceFromTopInRanges) {
        int n = 400;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = (i + 0.5) / n;
                double b = (j + 0.5) / n;
                double z = (distanceFromTopInRanges + 0.2 + 0.8 * a) / (0.5 + b);
                sum += Math.exp(-0.5 * z * z);
            }
        }
        return sum / (n * n);
    }

    @Test
    void theFluorescenceHumpRisesTowardsTheTopOfTheRangeWithItsExpectedMean() throws Exception {
        double f = 2000;
        int samples = 1500;
        Table t = GenerateRamanNode.generate(new GenerateRamanNode.Params(List.of("silicon"), samples, 100, 1800, 256, 1000, f, 0), samples, 9);
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        double[][] silicon = RamanBands.MATERIALS.get("silicon");
        int[] channels = {0, 128, 255};
        double[] means = new double[channels.length];
        for (int k = 0; k < channels.length; k++) {
            double nu = s.shape().axis(0).value(channels[k]);
            double sum = 0;
            double sq = 0;
            for (int r = 0; r < samples; r++) {
                double v = s.get(r)[channels[k]];
                sum += v;
                sq += v * v;
            }
            double mean = sum / samples;
            double se = Math.sqrt((sq / samples - mean * mean) / samples);
            // the 10-count dark level, the bands' tails at their mean height `counts`, and half of `fluorescence` × the hump
            double expected = 10 + RamanBands.spectrum(silicon, nu, 1000, 0, 1) + f / 2 * humpShare((1800 - nu) / 1700);
            assertEquals(expected, mean, 4 * se, "mean counts at " + nu + " cm⁻¹");
            means[k] = mean;
        }
        assertTrue(means[0] < means[1] && means[1] < means[2], "the hump is centred beyond the top: " + java.util.Arrays.toString(means));
        for (int r = 0; r < samples; r++) {
            float[] y = s.get(r);
            assertTrue(y[255] <= 10 + f + 6 * Math.sqrt(10 + f), "no more fluorescence than `fluorescence`: row " + r + " " + y[255]);
        }
        // without fluorescence only the dark level and the tails remain
        Table dark = GenerateRamanNode.generate(new GenerateRamanNode.Params(List.of("silicon"), 400, 100, 1800, 256, 1000, 0, 0), 400, 9);
        double sum = 0;
        for (int r = 0; r < 400; r++) {
            sum += ((TensorColumn) dark.column("spectrum").orElseThrow()).get(r)[255];
        }
        assertEquals(10 + RamanBands.spectrum(silicon, 1800, 1000, 0, 1), sum / 400, 4 * Math.sqrt(10.1 / 400));
    }
}
