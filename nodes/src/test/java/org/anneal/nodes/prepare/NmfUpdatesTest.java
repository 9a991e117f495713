package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Coordinate-descent NMF: the error never rises, and it reaches scikit-learn's objective. */
class NmfUpdatesTest {
    /**
     * scikit-learn 1.2.1 (Debian's python3-sklearn): {@code NMF(n_components=4, random_state=0)} on {@link #spectra()}
     * stops after 65 iterations at this relative error ‖X − WH‖/‖X‖; 5000 iterations at tol 1e-10 reach 0.12336589877861118.
     * Produced by {@code /usr/bin/python3 bench/nmf_reference.py}, which builds the same table.
     */
    static final double SKLEARN_RELATIVE_ERROR = 0.12353506711718146;

    /** 120 spectra of 400 channels: four parts mixed by fractional-part weights plus a sine "noise" no part can fit. */
    static double[][] spectra() {
        int n = 120;
        int p = 400;
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double at = j / (double) (p - 1);
                double[] parts = {gauss(at, 0.2), gauss(at, 0.45), gauss(at, 0.7), 0.3 * Math.exp(-3 * at)};
                double v = 5 * (1 + Math.sin(1.7 * i + 0.37 * j + 0.013 * i * j));
                for (int c = 0; c < 4; c++) {
                    double w = 0.1 + (0.618034 * (i + 1) * (c + 1) + 0.1 * c) % 1.0;
                    v += 100 * w * parts[c];
                }
                x[i][j] = v;
            }
        }
        return x;
    }

    private static double gauss(double at, double centre) {
        double z = (at - centre) / 0.02;
        return Math.exp(-0.5 * z * z);
    }

    static List<String> names() {
        return IntStream.range(0, 400).mapToObj(j -> "c" + j).toList();
    }

    @Test
    void theErrorNeverRisesFromRoundToRound() {
        List<Double> errors = new ArrayList<>();
        NmfFactors.fit(spectra(), names(), 4, 300, 0, 1, () -> { }, errors::add);
        assertEquals(300, errors.size(), "tolerance 0 runs every round");
        for (int it = 1; it < errors.size(); it++) {
            // each update is an exact minimisation over one block; allow only the round-off of the error formula
            assertTrue(errors.get(it) <= errors.get(it - 1) * (1 + 1e-12), "round " + (it + 1) + ": " + errors.get(it - 1) + " → " + errors.get(it));
        }
    }

    @Test
    void theNodesDefaultsReachScikitLearnsObjective() {
        NmfFactors f = NmfFactors.fit(spectra(), names(), 4, 500, 1e-4, 1, () -> { });
        assertEquals(1, f.fitError() / SKLEARN_RELATIVE_ERROR, 0.02, "relative error " + f.fitError() + " vs scikit-learn's " + SKLEARN_RELATIVE_ERROR);
    }

    @Test
    void newRowsGetTheWeightsThatFitThem() {
        double[][] x = spectra();
        NmfFactors f = NmfFactors.fit(x, names(), 4, 500, 1e-6, 1, () -> { });
        double[][] w = f.weights(x);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 400; j++) {
                double v = x[i][j];
                for (int c = 0; c < 4; c++) {
                    assertTrue(w[i][c] >= 0);
                    v -= w[i][c] * f.h()[c][j];
                }
                err += v * v;
                norm += x[i][j] * x[i][j];
            }
        }
        // the weights found with H fixed fit the rows as well as the fit's own weights did
        assertEquals(f.fitError(), Math.sqrt(err / norm), 1e-3 * f.fitError());
    }
}
