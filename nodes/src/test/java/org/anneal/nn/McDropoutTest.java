package org.anneal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.nodes.nn.DropoutNode;
import org.anneal.nodes.nn.SeededContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/**
 * MC-dropout on a 1-D toy: y = sin(3x) with x in [−1, 1]. Predicting with dropout on gives a spread that grows away
 * from the training rows; one pass has none; the passes are seeded, so the same model predicts the same twice.
 */
class McDropoutTest {

    private static Table rows(double[] x, double[] y) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    private static Table training() {
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-1, 1);
            y[i] = Math.sin(3 * x[i]) + 0.05 * r.nextGaussian();
        }
        return rows(x, y);
    }

    /** x from −4 to 4 in steps of 0.1 (the target is not read). */
    private static Table grid() {
        double[] x = new double[81];
        for (int i = 0; i < x.length; i++) {
            x[i] = -4 + 0.1 * i;
        }
        return rows(x, new double[x.length]);
    }

    private static TrainedModel fit(int passes, long seed) {
        Network net = new Network(List.of("x"), Shape.flat(1), "y", Task.REGRESSION, List.of(new DenseNode.Params(64, Activation.RELU),
                new DropoutNode.Params(0.2), new DenseNode.Params(64, Activation.RELU), new DropoutNode.Params(0.2)));
        return new NetworkLearner(net, Task.REGRESSION, new NetworkLearner.Settings(60, 32, 0, 0, 0.1, passes), null,
                new Optimizer(Optimizer.Kind.ADAM, 0.01, "none", 0, 0.9, 0.999, 1e-8)).fit(training(), List.of("x"), "y", new SeededContext(seed));
    }

    private static double meanOver(double[] v, Table grid, double lo, double hi) {
        double[] x = grid.numeric("x").values();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(x[i]) >= lo && Math.abs(x[i]) <= hi) {
                sum += v[i];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void theIntervalWidensAwayFromTheTrainingData() {
        TrainedModel m = fit(50, 3);
        Table grid = grid();
        double[] sd = m.predictionStd(grid);
        double inside = meanOver(sd, grid, 0, 0.9);
        double far = meanOver(sd, grid, 3, 4);
        assertTrue(inside > 0, "dropout left on spreads the passes: " + inside);
        double near = meanOver(sd, grid, 1.5, 2.5);
        assertTrue(near > 1.2 * inside && far > 1.5 * inside && far > near,
                "sd inside (|x| < 0.9) " + inside + ", near (1.5–2.5) " + near + ", far (3–4) " + far);
        assertEquals(50.0, m.parameters().get("mc-dropout passes"));
        assertTrue(m.describe().contains("MC-dropout over 50 passes"), m.describe());
    }

    @Test
    void theMeanOfManyPassesIsCloseToThePredictionWithDropoutOffWhereThereIsData() {
        TrainedModel mc = fit(50, 3);
        TrainedModel plain = fit(0, 3); // the same seed trains the same weights
        assertNull(plain.predictionStd(grid()), "without MC-dropout a network gives no interval");
        Table inside = rows(new double[] {-0.8, -0.4, 0, 0.4, 0.8}, new double[5]);
        double[] a = mc.predict(inside);
        double[] b = plain.predict(inside);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 0.15, "row " + i);
            assertEquals(Math.sin(3 * inside.numeric("x").values()[i]), a[i], 0.25, "the MC mean still fits, row " + i);
        }
    }

    @Test
    void onePassHasNoSpreadAndFiftyAreSeeded() {
        Table grid = grid();
        TrainedModel one = fit(1, 3);
        assertTrue(java.util.Arrays.stream(one.predictionStd(grid)).allMatch(v -> v == 0), "one pass: sd 0");
        assertTrue(java.util.Arrays.stream(one.predict(grid)).allMatch(Double::isFinite));
        TrainedModel fifty = fit(50, 3);
        assertArrayEquals(fifty.predict(grid), fifty.predict(grid()), "the same model predicts the same twice (new rows, no memo)");
        assertArrayEquals(fifty.predict(grid), fit(50, 3).predict(grid), "the same seed, the same predictions");
        assertFalse(java.util.Arrays.equals(fifty.predict(grid), fit(50, 4).predict(grid)), "another seed, other masks and weights");
        // a single pass is one noisy draw; the mean of fifty is smoother: its distance from the dropout-off prediction is smaller
        double[] plain = fit(0, 3).predict(grid);
        assertTrue(distance(fifty.predict(grid), plain) < distance(one.predict(grid), plain),
                "fifty passes average the dropout noise out");
    }

    @Test
    void mcDropoutOnANetworkWithoutDropoutIsAnErrorOnTheParameter() throws Exception {
        var problems = org.anneal.nodes.nn.ExampleEdits.of("18-mlp-regression.json").set("mlp", "mcDropout", 20).check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("mlp", problems.get(0).nodeId());
        assertEquals("mcDropout", problems.get(0).param());
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }
}
