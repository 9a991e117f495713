package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import libsvm.svm_model;
import libsvm.svm_node;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.SvmLearner;
import org.anneal.nodes.model.TribuoClassifierModel;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class SvmTest {
    /** Class "left" at (−1, 0), (−2, 1), (−2, −1); "right" at (1, 0), (2, 1), (2, −1). */
    static Table sixPoints() {
        return new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {-1, -2, -2, 1, 2, 2}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {0, 1, -1, 0, 1, -1}),
                new CategoricalColumn("side", ColumnRole.TARGET, new int[] {0, 0, 0, 1, 1, 1}, List.of("left", "right"))));
    }

    @Test
    void aHardMarginLinearSvmFindsTheWidestGap() {
        // the closest opposite points are (−1, 0) and (1, 0): the boundary is a = 0, w = ±(1, 0), margin 2/|w| = 2
        TrainedModel m = new SvmLearner(Task.CLASSIFICATION, SvmLearner.Kernel.LINEAR, 1000, 0, 3, 0.1).fit(sixPoints(), List.of("a", "b"), "side",
                TestCtx.of("fit"));
        svm_model svm = ((org.tribuo.common.libsvm.LibSVMModel<?>) ((TribuoClassifierModel) m).model()).getInnerModels().get(0);
        double[] w = new double[3];
        for (int s = 0; s < svm.l; s++) {
            for (svm_node node : svm.SV[s]) {
                w[node.index] += svm.sv_coef[0][s] * node.value;
            }
        }
        double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        assertEquals(2.0, 2 / norm, 1e-3, "margin width");
        assertEquals(0.0, svm.rho[0], 1e-3, "the boundary passes through the origin");
        assertEquals(2, svm.l, "only the two closest points support the boundary");
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, m.predict(sixPoints()));
        double[][] p = m.probabilities(sixPoints());
        assertEquals(1.0, p[0][0] + p[0][1], 1e-9);
    }

    @Test
    void epsilonSvrReturnsTheFlattestLineInsideTheTube() {
        // y = 2x + 1 on x = 0, 0.1, …, 1 with epsilon 0.1: the flattest line with every point within 0.1 tilts to
        // slope 2 − 2·0.1/1 = 1.8 and intercept 1.1 (touching the tube at both ends)
        double[] x = new double[11];
        double[] y = new double[11];
        for (int i = 0; i <= 10; i++) {
            x[i] = i / 10.0;
            y[i] = 2 * x[i] + 1;
        }
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        TrainedModel m = new SvmLearner(Task.REGRESSION, SvmLearner.Kernel.LINEAR, 1000, 0, 3, 0.1).fit(t, List.of("x"), "y", TestCtx.of("fit"));
        double[] p = m.predict(new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {0, 0.5, 1}))));
        assertArrayEquals(new double[] {1.1, 2.0, 2.9}, p, 5e-3);
    }

    @Test
    void anRbfKernelSeparatesARingFromItsCentre() {
        // no line separates points near the origin from a ring around them; an rbf kernel does
        int n = 80;
        double[] a = new double[n];
        double[] b = new double[n];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / 40;
            double r = i < 40 ? 0.3 : 2.0;
            a[i] = r * Math.cos(angle);
            b[i] = r * Math.sin(angle);
            cls[i] = i < 40 ? 0 : 1;
        }
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, a), new NumericColumn("b", ColumnRole.FEATURE, b),
                new CategoricalColumn("c", ColumnRole.TARGET, cls, List.of("inner", "ring"))));
        double[] rbf = new SvmLearner(Task.CLASSIFICATION, SvmLearner.Kernel.RBF, 10, 1, 3, 0.1).fit(t, List.of("a", "b"), "c", TestCtx.of("fit")).predict(t);
        double[] linear = new SvmLearner(Task.CLASSIFICATION, SvmLearner.Kernel.LINEAR, 10, 0, 3, 0.1).fit(t, List.of("a", "b"), "c", TestCtx.of("fit")).predict(t);
        int rbfRight = 0;
        int linearRight = 0;
        for (int i = 0; i < n; i++) {
            rbfRight += (int) rbf[i] == cls[i] ? 1 : 0;
            linearRight += (int) linear[i] == cls[i] ? 1 : 0;
        }
        assertEquals(n, rbfRight);
        assertTrue(linearRight < 0.8 * n, "a line gets the ring wrong: " + linearRight);
    }
}
