package org.anneal.nodes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

/** Per-feature length scales: the likelihood gradient against finite differences, and an irrelevant feature found. */
class GaussianProcessArdTest {
    static StandaloneContext ctx() {
        return new StandaloneContext("gp", 42, Path.of("."));
    }

    /** y = sin(2·x1) + small noise; x2 is drawn alike but plays no part. */
    static Table onlyX1(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-2, 2);
            x2[i] = r.nextDouble(-2, 2);
            y[i] = Math.sin(2 * x1[i]) + 0.05 * r.nextGaussian();
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    @Test
    void theIrrelevantFeatureGetsAFarLongerLengthScale() {
        for (GaussianProcessLearner.Kernel k : List.of(GaussianProcessLearner.Kernel.RBF_ARD, GaussianProcessLearner.Kernel.MATERN52_ARD)) {
            TrainedModel gp = new GaussianProcessLearner(k).fit(onlyX1(80, 3), List.of("x1", "x2"), "y", ctx());
            Map<String, Double> p = gp.parameters();
            double l1 = p.get(GaussianProcessModel.lengthScaleName("x1"));
            double l2 = p.get(GaussianProcessModel.lengthScaleName("x2"));
            assertTrue(l1 > 0.2 && l1 < 3, k + ": x1 length scale " + l1);
            assertTrue(l2 > 20 * l1, k + ": x2 length scale " + l2 + " against x1's " + l1);
            Table fresh = onlyX1(50, 4);
            double[] pred = gp.predict(fresh);
            double[] sd = gp.predictionStd(fresh);
            double worst = 0;
            for (int i = 0; i < pred.length; i++) {
                worst = Math.max(worst, Math.abs(pred[i] - Math.sin(2 * fresh.numeric("x1").get(i))));
                assertTrue(sd[i] > 0.02 && sd[i] < 0.3, "sd " + sd[i]);
            }
            assertTrue(worst < 0.2, k + ": largest error on fresh rows " + worst);
        }
    }

    @Test
    void theLikelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[15][3];
        double[] z = new double[15];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = r.nextDouble(-1, 1) * (k + 1);
            }
            z[i] = Math.cos(x[i][0]) + 0.3 * x[i][2] + 0.1 * r.nextGaussian();
        }
        double[] theta = {Math.log(0.7), Math.log(2.0), Math.log(1.3), Math.log(0.8), Math.log(0.05)};
        for (boolean matern : new boolean[] {false, true}) {
            ArdLikelihood f = new ArdLikelihood(x, z, matern);
            Bfgs.Point at = f.at(theta);
            assertNotNull(at);
            for (int j = 0; j < theta.length; j++) {
                double h = 1e-5;
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[j] += h;
                down[j] -= h;
                double numeric = (f.at(up).value() - f.at(down).value()) / (2 * h);
                assertEquals(numeric, at.gradient()[j], 1e-6 * Math.max(1, Math.abs(numeric)),
                        (matern ? "Matérn" : "RBF") + " parameter " + j);
            }
        }
    }

    @Test
    void theLikelihoodMatchesTheClosedFormForOneRow() {
        // one row: K = σ_f² + σ_n², log p(z) = −z²/(2K) − ½ log K − ½ log 2π
        ArdLikelihood f = new ArdLikelihood(new double[][] {{0.4}}, new double[] {1.5}, false);
        double kk = 2.0 + 0.5;
        Bfgs.Point p = f.at(new double[] {0, Math.log(2.0), Math.log(0.5)});
        assertEquals(-1.5 * 1.5 / (2 * kk) - 0.5 * Math.log(kk) - 0.5 * Math.log(2 * Math.PI), p.value(), 1e-12);
        assertEquals(0, p.gradient()[0], 1e-12); // no pairs: the length scale does not matter
    }

    @Test
    void tooManyRowsForArdAreRefusedWithTheLimit() {
        NodeFailure e = assertThrows(NodeFailure.class,
                () -> new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF_ARD).fit(onlyX1(1001, 1), List.of("x1", "x2"), "y", ctx()));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
    }
}
