package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.ml.linalg.Products;
import org.junit.jupiter.api.Test;

/** Coordinate-descent NMF: the error never rises, it reaches scikit-learn's objective in about as many rounds, and it finds known parts. */
class NmfUpdatesTest {
    /**
     * scikit-learn 1.2.1 (Debian's python3-sklearn): {@code NMF(n_components=4, random_state=0)} on {@link #spectra()}
     * stops after 65 iterations at this relative error ‖X − WH‖/‖X‖; 5000 iterations at tol 1e-10 reach 0.12336589877861118.
     * Produced by {@code /usr/bin/python3 bench/nmf_reference.py}, which builds the same table.
     */
    static final double SKLEARN_RELATIVE_ERROR = 0.12353506711718146;
    static final int SKLEARN_ROUNDS = 65;

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
        NmfFactors.fit(NmfUpdates.Data.of(spectra()), names(), 4, 300, 0, 1, () -> { }, (round, ratio, error) -> errors.add(error));
        assertEquals(300, errors.size(), "tolerance 0 runs every round");
        for (int it = 1; it < errors.size(); it++) {
            // each update is an exact minimisation over one block; allow only the round-off of the error formula
            assertTrue(errors.get(it) <= errors.get(it - 1) * (1 + 1e-12), "round " + (it + 1) + ": " + errors.get(it - 1) + " → " + errors.get(it));
        }
    }

    @Test
    void theNodesDefaultsReachScikitLearnsObjectiveInAsManyRounds() {
        NmfFactors f = NmfFactors.fit(NmfUpdates.Data.of(spectra()), names(), 4, 200, 1e-4, 1, () -> { });
        assertEquals(1, f.fitError() / SKLEARN_RELATIVE_ERROR, 0.02, "relative error " + f.fitError() + " vs scikit-learn's " + SKLEARN_RELATIVE_ERROR);
        // the same rule from a start that differs only in the random sketch of the SVD: as many rounds (65 here when written)
        assertTrue(f.converged() && Math.abs(f.rounds() - SKLEARN_ROUNDS) <= 0.1 * SKLEARN_ROUNDS, f.rounds() + " rounds vs scikit-learn's " + SKLEARN_ROUNDS);
        assertTrue(f.describe().contains("after " + f.rounds() + " round(s) (the stopping rule met)"), f.describe());
    }

    /**
     * Exact mixes of three known parts (Gaussian peaks; every part has rows without it, so the factorisation is unique up
     * to scale and order): scikit-learn 1.2.1, {@code NMF(n_components=3, random_state=0)}, stops after 28 iterations at
     * this relative error with every part's cosine to its truth above 0.99999998 ({@code bench/nmf_reference.py}).
     */
    static final double SKLEARN_KNOWN_PARTS_ERROR = 6.60296266420754e-05;

    @Test
    void exactMixesOfKnownPartsGiveThePartsBackAtScikitLearnsQuality() {
        int n = 60;
        int p = 200;
        double[][] parts = new double[3][p];
        double[][] weights = new double[n][3];
        double[][] x = new double[n][p];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < p; j++) {
                double z = (j / (double) (p - 1) - (0.2 + 0.3 * c)) / 0.03;
                parts[c][j] = Math.exp(-0.5 * z * z);
            }
            for (int i = 0; i < n; i++) {
                weights[i][c] = Math.max(0, (0.618034 * (i + 1) * (c + 1) + 0.1 * c) % 1.0 - 0.3);
                for (int j = 0; j < p; j++) {
                    x[i][j] += weights[i][c] * parts[c][j];
                }
            }
        }
        NmfFactors f = NmfFactors.fit(NmfUpdates.Data.of(x), IntStream.range(0, p).mapToObj(j -> "c" + j).toList(), 3, 200, 1e-4, 1, () -> { });
        assertTrue(f.converged() && Math.abs(f.rounds() - 28) <= 5, f.describe()); // 28, as scikit-learn's, when written
        assertTrue(f.fitError() < 2 * SKLEARN_KNOWN_PARTS_ERROR, "relative error " + f.fitError() + " vs scikit-learn's " + SKLEARN_KNOWN_PARTS_ERROR);
        double[][] w = f.weights(x);
        for (int c = 0; c < 3; c++) {
            // each true part is one fitted part (unit length) up to scale, and its weights are the true ones times that scale
            double[] truth = parts[c];
            int match = IntStream.range(0, 3).boxed().max(java.util.Comparator.comparingDouble(k -> cosine(truth, f.h()[k]))).orElseThrow();
            assertEquals(1, cosine(truth, f.h()[match]), 1e-6, "part " + c);
            double scale = Math.sqrt(Arrays.stream(truth).map(v -> v * v).sum());
            for (int i = 0; i < n; i++) {
                assertEquals(weights[i][c] * scale, w[i][match], 2e-3 * scale, "weight of part " + c + " in row " + i);
            }
        }
    }

    static double cosine(double[] a, double[] b) {
        return Products.dot(a, b, 0, a.length) / Math.sqrt(Products.dot(a, a, 0, a.length) * Products.dot(b, b, 0, b.length));
    }

    @Test
    void newRowsGetTheWeightsThatFitThem() {
        double[][] x = spectra();
        NmfFactors f = NmfFactors.fit(NmfUpdates.Data.of(x), names(), 4, 500, 1e-6, 1, () -> { });
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
