package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stopping rule is scikit-learn's: a round's violation (Σ |projected gradient| over every entry of W and H as the
 * round visits it) over the first round's, stop at {@code tol}. Checked by hand on a one-row table and against
 * scikit-learn's own {@code _fit_coordinate_descent} from the same start on a small one.
 */
class NmfStoppingRuleTest {

    /** Runs the rounds from the given start (W as rows) and returns each round's violation ratio. */
    static List<Double> ratios(double[][] x, double[][] w, double[][] h, int maxRounds, double tol, NmfUpdates.Outcome[] outcome) {
        double[][] wt = new double[h.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < h.length; c++) {
                wt[c][i] = w[i][c];
            }
        }
        List<Double> ratios = new ArrayList<>();
        outcome[0] = NmfUpdates.fit(NmfUpdates.Data.of(x), wt, h, maxRounds, tol, () -> { }, (round, ratio, error) -> ratios.add(ratio));
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < h.length; c++) {
                w[i][c] = wt[c][i];
            }
        }
        return ratios;
    }

    /**
     * X = [1 2], one part, from w = 1, h = [1 1]. Round 1: the W step has gradient (h·hᵀ) w − h·xᵀ = 2 − 3 = −1, so
     * w = 1 + 1/2 = 1.5; the H steps have gradients w² h − w x = 2.25 − 1.5 = 0.75 and 2.25 − 3 = −0.75, so
     * h = [2/3 4/3]: violation 1 + 0.75 + 0.75 = 2.5. W·H is now X exactly, every gradient of round 2 is zero (up to
     * round-off), the ratio falls below 1e-4, and the fit stops after two rounds having met the rule.
     */
    @Test
    void aOneRowTableStopsInTheSecondRoundByHand() {
        double[][] w = {{1}};
        double[][] h = {{1, 1}};
        NmfUpdates.Outcome[] outcome = new NmfUpdates.Outcome[1];
        List<Double> ratios = ratios(new double[][] {{1, 2}}, w, h, 200, 1e-4, outcome);
        assertEquals(2, ratios.size());
        assertEquals(1, ratios.get(0), 0, "the first round is the yardstick");
        assertEquals(0, ratios.get(1), 1e-12);
        assertEquals(2, outcome[0].rounds());
        assertTrue(outcome[0].converged());
        assertEquals(0, outcome[0].error(), 1e-12);
        assertEquals(1.5, w[0][0], 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 4.0 / 3}, h[0], 1e-15);
    }

    /**
     * scikit-learn 1.2.1's {@code _fit_coordinate_descent(X, W0, H0, tol=1e-4, max_iter=200, verbose=1)} on this 6 × 5
     * table with two parts prints these violation ratios and stops after 52 iterations (the last ratio the first below
     * 1e-4); it ends with W[0][1] = 0, so the rule's projection at zero is exercised. Produced by
     * {@code /usr/bin/python3 bench/nmf_reference.py}.
     */
    static final double[] SKLEARN_RATIOS = {1.0, 0.11315390853189246, 0.16314762537888627, 0.15782584148808015, 0.11537951021139926,
        0.0777846783196015, 0.07220020794552794, 0.06983799215119332, 0.06683089600710573, 0.06324392338603202, 0.05914049714115456,
        0.0546053663236338, 0.04998360967450905, 0.04542738155917181, 0.04068647233532618, 0.036010620407975716, 0.03148476707031996,
        0.027206799678224536, 0.023306491137431495, 0.019823286284436355, 0.01673187183616118, 0.014103284715746584, 0.011951776129742965,
        0.01008233369343343, 0.008475145291260812, 0.007105156827966306, 0.005945229189603563, 0.0049683227659789, 0.004148877348515949,
        0.0034635822413349466, 0.002891716164770794, 0.002415203548189325, 0.0020225377608421333, 0.0016943518957009817,
        0.0014476478084184659, 0.0012358945145506915, 0.001054331589493551, 0.0008991813547934147, 0.0007667610384511979,
        0.0006537927694781638, 0.0005574382147027715, 0.00047526241428502816, 0.0004051834825684776, 0.0003454237112591335,
        0.0002944659268656872, 0.0002510156055839232, 0.00021396832026461505, 0.00018238188224413776, 0.00015545254164806455,
        0.00013249467007477074, 0.00011292342168755388, 9.62564597641874e-05};
    static final double[][] SKLEARN_H = {{0.36608629377073426, 0.7043099719053496, 0.467172910355107, 0.21988951972114362, 0.5739728129931944},
        {1.3407012296264151, 0.0017299800144505969, 1.4656908554766708, 1.2248776066589406, 0.49300752985134383}};

    static double[][] smallTable() {
        double[][] x = new double[6][5];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = 1 + (0.618034 * (i + 1) * (j + 2)) % 1.0 * 3;
            }
        }
        return x;
    }

    @Test
    void theSameStartGivesScikitLearnsViolationsAndRoundCount() {
        double[][] w = new double[6][2];
        for (int i = 0; i < 6; i++) {
            for (int c = 0; c < 2; c++) {
                w[i][c] = 0.5 + 0.1 * Math.sqrt(2 * i + c);
            }
        }
        double[][] h = new double[2][5];
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < 5; j++) {
                h[c][j] = 0.4 + 0.05 * (5 * c + j);
            }
        }
        NmfUpdates.Outcome[] outcome = new NmfUpdates.Outcome[1];
        List<Double> ratios = ratios(smallTable(), w, h, 200, 1e-4, outcome);
        assertEquals(SKLEARN_RATIOS.length, outcome[0].rounds(), "scikit-learn stops after 52 iterations");
        assertTrue(outcome[0].converged());
        for (int k = 0; k < SKLEARN_RATIOS.length; k++) {
            assertEquals(SKLEARN_RATIOS[k], ratios.get(k), 1e-9 * SKLEARN_RATIOS[k], "round " + (k + 1));
        }
        assertEquals(0, w[0][1], 0, "clipped at zero, as scikit-learn's");
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(SKLEARN_H[c], h[c], 1e-9);
        }
        // the ratios fall, though not every round: the rule reads the size of the steps, not the error
        assertTrue(ratios.get(2) > ratios.get(1));
        assertTrue(ratios.get(ratios.size() - 1) < 1e-4 && ratios.subList(0, ratios.size() - 1).stream().allMatch(r -> r > 1e-4));
    }

    @Test
    void theRoundLimitEndsARunThatHasNotMetTheRule() {
        double[][] w = {{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 0.5}};
        double[][] h = {{1, 1, 1, 1, 1}, {0.5, 1, 1, 1, 1}};
        NmfUpdates.Outcome[] outcome = new NmfUpdates.Outcome[1];
        List<Double> ratios = ratios(smallTable(), w, h, 5, 1e-4, outcome);
        assertEquals(5, ratios.size());
        assertEquals(5, outcome[0].rounds());
        assertFalse(outcome[0].converged());
    }
}
