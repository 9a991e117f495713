package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.model.PlsLearner;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

class PlsLearnerTest {
    private static final List<String> FEATURES = List.of("x0", "x1", "x2", "x3", "x4");

    /**
     * 9 rows, 5 smooth features x_ij = sin(1.3 i + 0.7 j) + 0.1 i j, y_i = cos(0.9 i) + 0.3 i. The features span only
     * three directions (sin 1.3i, cos 1.3i and i), the collinear case PLS is for.
     */
    private static Table data() {
        return table((i, j) -> Math.sin(1.3 * i + 0.7 * j) + 0.1 * i * j);
    }

    private static Table table(java.util.function.BiFunction<Integer, Integer, Double> f) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            double[] x = new double[9];
            for (int i = 0; i < 9; i++) {
                x[i] = f.apply(i, j);
            }
            cols.add(new NumericColumn("x" + j, ColumnRole.FEATURE, x));
        }
        double[] y = new double[9];
        for (int i = 0; i < 9; i++) {
            y[i] = Math.cos(0.9 * i) + 0.3 * i;
        }
        cols.add(new NumericColumn("y", ColumnRole.TARGET, y));
        return new Table(cols);
    }

    private static double[] fitted(int components, boolean scale) {
        return new PlsLearner(components, scale).fit(data(), FEATURES, "y", TestCtx.of("pls")).predict(data());
    }

    @Test
    void matchesScikitLearnsPlsRegression() {
        // scikit-learn 1.2.1 (Debian python3-sklearn), PLSRegression(n_components=a, scale=s, tol=1e-15).fit(X, y).predict(X)
        assertArrayEquals(new double[] {1.153362775916786, 0.894225291064667, 0.335769806846707, 0.6452372528795794,
                1.7183594326353262, 2.332112175629222, 1.9364486124207785, 1.4601191269668208, 1.9500498682940064},
                fitted(1, true), 1e-9);
        assertArrayEquals(new double[] {0.6110154777511226, 1.305744354166417, 0.6897145577963525, 0.12176771078129489,
                0.8903038018101557, 2.325772184290998, 2.7815648421985593, 2.0463009911435432, 1.653500422715449},
                fitted(2, true), 1e-9);
        assertArrayEquals(new double[] {0.840529863832308, 1.0175333165715628, 0.3422634995284497, 0.2646419858387452,
                1.3590341840844258, 2.482802669126038, 2.4502736868467694, 1.7697519816717424, 1.8988531551538521},
                fitted(2, false), 1e-9);
        assertArrayEquals(new double[] {-0.05614935014324507, 0.7932083329709606, 0.7997476008477552, 0.5045708442787824,
                0.8907951367142013, 1.9432834184598637, 2.6708203245916096, 2.5582450167397646, 2.3211630181942002},
                fitted(3, true), 1e-9);
    }

    @Test
    void asManyComponentsAsFeaturesIsLeastSquares() {
        Table full = table((i, j) -> Math.sin(0.77 * (j + 1) * i) + 0.1 * j); // five frequencies: full rank
        double[] ols = new RidgeLearner(0).fit(full, FEATURES, "y", TestCtx.of("ols")).predict(full);
        for (boolean scale : new boolean[] {true, false}) {
            assertArrayEquals(ols, new PlsLearner(5, scale).fit(full, FEATURES, "y", TestCtx.of("pls")).predict(full), 1e-8);
        }
    }

    @Test
    void moreComponentsThanTheFeaturesSpanSaySoInsteadOfDividingByZero() {
        NodeFailure e = assertThrows(NodeFailure.class, () -> fitted(5, false));
        assertTrue(e.getMessage().contains("already use every direction"), e.getMessage());
    }

    @Test
    void tooManyComponentsIsAnErrorThatSaysTheLimit() {
        NodeFailure e = assertThrows(NodeFailure.class, () -> fitted(6, true));
        assertTrue(e.getMessage().contains("at most 5"), e.getMessage());
        assertTrue(e.fix().contains("model.tune"), e.fix());
    }

    @Test
    void aConstantTargetIsNamed() {
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, 2, 3}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {4, 4, 4})));
        NodeFailure e = assertThrows(NodeFailure.class, () -> new PlsLearner(1, true).fit(t, List.of("a"), "y", TestCtx.of("f")));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }
}
