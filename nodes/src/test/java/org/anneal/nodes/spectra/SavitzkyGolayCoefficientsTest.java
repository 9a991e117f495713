package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Savitzky–Golay weights against the tables of Savitzky and Golay (1964): filtering a unit impulse gives the
 * convolution weights back, mirrored, at the channels around it.
 */
class SavitzkyGolayCoefficientsTest {
    /** The filter's output around a unit impulse at channel 10 of 21: channel 10 − k holds the weight of offset +k. */
    private static double[] weightsAroundAnImpulse(SavitzkyGolay sg, int half) {
        double[] y = new double[21];
        y[10] = 1;
        double[] out = sg.filter(y);
        double[] w = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            w[k + half] = out[10 - k];
        }
        return w;
    }

    @Test
    void smoothingWeightsOfTheOriginalTables() {
        // window 5, quadratic: (−3, 12, 17, 12, −3)/35; window 7: (−2, 3, 6, 7, 6, 3, −2)/21; a cubic smooths as a quadratic
        assertArrayEquals(new double[] {-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0}, weightsAroundAnImpulse(new SavitzkyGolay(5, 2, 0, 1), 2), 1e-12);
        assertArrayEquals(new double[] {-2 / 21.0, 3 / 21.0, 6 / 21.0, 7 / 21.0, 6 / 21.0, 3 / 21.0, -2 / 21.0},
                weightsAroundAnImpulse(new SavitzkyGolay(7, 2, 0, 1), 3), 1e-12);
        assertArrayEquals(weightsAroundAnImpulse(new SavitzkyGolay(7, 2, 0, 1), 3), weightsAroundAnImpulse(new SavitzkyGolay(7, 3, 0, 1), 3), 1e-12);
        // window 7, quartic: (5, −30, 75, 131, 75, −30, 5)/231
        assertArrayEquals(new double[] {5 / 231.0, -30 / 231.0, 75 / 231.0, 131 / 231.0, 75 / 231.0, -30 / 231.0, 5 / 231.0},
                weightsAroundAnImpulse(new SavitzkyGolay(7, 4, 0, 1), 3), 1e-12);
    }

    @Test
    void derivativeWeightsScaleWithTheChannelWidth() {
        // first derivative, window 5, quadratic: (−2, −1, 0, 1, 2)/10 per channel; on a 0.5-wide grid twice that
        assertArrayEquals(new double[] {-0.2, -0.1, 0, 0.1, 0.2}, weightsAroundAnImpulse(new SavitzkyGolay(5, 2, 1, 1), 2), 1e-12);
        assertArrayEquals(new double[] {-0.4, -0.2, 0, 0.2, 0.4}, weightsAroundAnImpulse(new SavitzkyGolay(5, 2, 1, 0.5), 2), 1e-12);
        // second derivative, window 5, quadratic: (2, −1, −2, −1, 2)/7
        assertArrayEquals(new double[] {2 / 7.0, -1 / 7.0, -2 / 7.0, -1 / 7.0, 2 / 7.0}, weightsAroundAnImpulse(new SavitzkyGolay(5, 2, 2, 1), 2), 1e-12);
    }

    @Test
    void aPolynomialOfTheFiltersOrderPassesUnchangedToTheEdges() {
        // the least-squares fit of a quadratic to a quadratic is the quadratic itself, in the interior and at both ends
        double[] y = new double[15];
        double[] slope = new double[15];
        for (int i = 0; i < y.length; i++) {
            double x = 0.5 * i;
            y[i] = 3 - 2 * x + 0.25 * x * x;
            slope[i] = -2 + 0.5 * x;
        }
        assertArrayEquals(y, new SavitzkyGolay(7, 2, 0, 0.5).filter(y), 1e-9);
        assertArrayEquals(slope, new SavitzkyGolay(7, 2, 1, 0.5).filter(y), 1e-9);
        assertEquals(0.5, new SavitzkyGolay(7, 3, 2, 0.5).filter(y)[0], 1e-9, "the second derivative, at the first channel too");
    }
}
