package org.anneal.nodes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

/** The Laplace GP classifier: symmetric data, blobs, more than two classes, refusals. */
class GaussianProcessClassifierTest {
    static Table line(double[] x, int[] codes, List<String> levels) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new CategoricalColumn("c", ColumnRole.TARGET, codes, levels)));
    }

    static Table at(double... x) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x)));
    }

    @Test
    void mirrorImageClassesGiveOneHalfAtTheCentreAndFallBackFarAway() {
        Table t = line(new double[] {-2, -1.5, -1, 1, 1.5, 2}, new int[] {0, 0, 0, 1, 1, 1}, List.of("a", "b"));
        for (var k : GaussianProcessClassifierLearner.Kernel.values()) {
            TrainedModel m = new GaussianProcessClassifierLearner(k).fit(t, List.of("x"), "c", GaussianProcessArdTest.ctx());
            double[][] p = m.probabilities(at(0, -1.5, 1.5, 40));
            assertEquals(0.5, p[0][1], 1e-9, k + ": the centre of symmetric data");
            assertEquals(1, p[1][0] + p[1][1], 1e-12);
            assertTrue(p[1][1] < 0.3 && p[2][1] > 0.7, k + ": P(b) at -1.5 " + p[1][1] + ", at 1.5 " + p[2][1]);
            assertEquals(1 - p[1][1], p[2][1], 1e-9, k + ": mirror images");
            assertEquals(0.5, p[3][1], 0.02, k + ": far from every training row the prior returns");
            assertEquals(List.of(0.0, 1.0), List.of(m.predict(at(-1.5))[0], m.predict(at(1.5))[0]));
        }
    }

    static Table blobs(int perClass, double[][] centres, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = perClass * centres.length;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i % centres.length;
            x1[i] = centres[c[i]][0] + r.nextGaussian();
            x2[i] = centres[c[i]][1] + r.nextGaussian();
        }
        List<String> levels = centres.length == 2 ? List.of("ferrite", "pearlite") : List.of("ferrite", "pearlite", "bainite");
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("phase", ColumnRole.TARGET, c, levels)));
    }

    static double accuracy(TrainedModel m, Table test) {
        double[] pred = m.predict(test);
        int[] truth = ((CategoricalColumn) test.column("phase").orElseThrow()).codes();
        int right = 0;
        for (int i = 0; i < pred.length; i++) {
            right += pred[i] == truth[i] ? 1 : 0;
        }
        return right / (double) pred.length;
    }

    @Test
    void separatesTwoGaussianBlobs() {
        double[][] centres = {{-1.5, -1.5}, {1.5, 1.5}};
        TrainedModel m = new GaussianProcessClassifierLearner(GaussianProcessClassifierLearner.Kernel.RBF)
                .fit(blobs(50, centres, 1), List.of("x1", "x2"), "phase", GaussianProcessArdTest.ctx());
        // the Bayes classifier on these blobs is right 98.3 % of the time (Φ(1.5·√2))
        assertTrue(accuracy(m, blobs(200, centres, 2)) > 0.95, "accuracy " + accuracy(m, blobs(200, centres, 2)));
        double[][] p = m.probabilities(new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, new double[] {-1.5, 0, 1.5}),
                new NumericColumn("x2", ColumnRole.FEATURE, new double[] {-1.5, 0, 1.5}))));
        assertTrue(p[0][0] > 0.8 && p[2][1] > 0.8 && Math.abs(p[1][1] - 0.5) < 0.2, "blob centres and the midpoint: "
                + p[0][0] + ", " + p[2][1] + ", " + p[1][1]);
    }

    @Test
    void threeClassesOneAgainstTheRest() {
        double[][] centres = {{-2, 0}, {2, 0}, {0, 3}};
        TrainedModel m = new GaussianProcessClassifierLearner(GaussianProcessClassifierLearner.Kernel.MATERN52)
                .fit(blobs(30, centres, 3), List.of("x1", "x2"), "phase", GaussianProcessArdTest.ctx());
        Table test = blobs(100, centres, 4);
        assertTrue(accuracy(m, test) > 0.9, "accuracy " + accuracy(m, test));
        for (double[] row : m.probabilities(test)) {
            assertEquals(1, row[0] + row[1] + row[2], 1e-12);
        }
        assertTrue(m.parameters().containsKey("length_scale (bainite vs rest)"), m.parameters().toString());
    }

    @Test
    void oneClassIsRefusedWithTheTargetNamed() {
        Table t = line(new double[] {0, 1, 2}, new int[] {1, 1, 1}, List.of("a", "b"));
        NodeFailure e = assertThrows(NodeFailure.class,
                () -> new GaussianProcessClassifierLearner(GaussianProcessClassifierLearner.Kernel.RBF).fit(t, List.of("x"), "c", GaussianProcessArdTest.ctx()));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }
}
