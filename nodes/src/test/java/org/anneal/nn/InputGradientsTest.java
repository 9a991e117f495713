package org.anneal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nn.dl4j.InputGradients;
import org.anneal.nodes.nn.BatchNormNode;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.nodes.nn.DropoutNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/**
 * Saliency is the true input gradient of what the network predicts: checked against central finite differences of
 * {@code predict} (regression) and of the class probability (a classifier with batch normalisation and dropout, which
 * must act as at prediction time), on tiny seeded networks trained for real.
 */
class InputGradientsTest {
    private static final NetworkTrainingTest.Ctx CTX = new NetworkTrainingTest.Ctx(Integer.MAX_VALUE);

    private static TrainedModel train(Task task, Table t, List<LayerDef> layers) {
        Network net = new Network(List.of("x1", "x2", "x3"), Shape.flat(3), "y", task, layers);
        return new NetworkLearner(net, task, new NetworkLearner.Settings(20, 32, 0, 0, 0.2), null,
                new Optimizer(Optimizer.Kind.ADAM, 0.02, "none", 0, 0.9, 0.999, 1e-8)).fit(t, List.of(), "y", CTX);
    }

    /** x3 does not matter; y = sin(2·x1) + x2² or the disc x1² + x2² < 0.5 for classes. */
    private static Table data(int n, boolean classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[3][n];
        double[] y = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[j][i] = r.nextDouble(-1, 1);
            }
            y[i] = Math.sin(2 * x[0][i]) + x[1][i] * x[1][i];
            c[i] = x[0][i] * x[0][i] + x[1][i] * x[1][i] < 0.5 ? 1 : 0;
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            cols.add(new NumericColumn("x" + (j + 1), ColumnRole.FEATURE, x[j]));
        }
        cols.add(classes ? new CategoricalColumn("y", ColumnRole.TARGET, c, List.of("out", "in")) : new NumericColumn("y", ColumnRole.TARGET, y));
        return new Table(cols);
    }

    /** The output explained at one row with feature j moved by h. */
    private static double output(TrainedModel m, Table row, int j, double h, int unit) {
        Table moved = row;
        String name = "x" + (j + 1);
        double[] v = row.numeric(name).values().clone();
        v[0] += h;
        moved = moved.with(new NumericColumn(name, ColumnRole.FEATURE, v));
        return m.task() == Task.REGRESSION ? m.predict(moved)[0] : m.probabilities(moved)[0][unit];
    }

    private static void matchesFiniteDifferences(TrainedModel m, Table rows, int unit) {
        int n = rows.rowCount();
        int[] units = new int[n];
        java.util.Arrays.fill(units, unit);
        float[][] g = InputGradients.of(m, rows, units, CTX);
        assertEquals(n, g.length);
        double h = 1e-2;
        for (int r = 0; r < n; r++) {
            Table row = rows.rows(new int[] {r});
            for (int j = 0; j < 3; j++) {
                double fd = (output(m, row, j, h, unit) - output(m, row, j, -h, unit)) / (2 * h);
                assertEquals(fd, g[r][j], 2e-3 + 0.02 * Math.abs(fd), "row " + r + ", feature x" + (j + 1));
            }
        }
    }

    @Test
    void aRegressionNetworksGradientIsTheSlopeOfItsPredictions() {
        TrainedModel m = train(Task.REGRESSION, data(200, false, 1),
                List.of(new DenseNode.Params(16, Activation.TANH), new DenseNode.Params(8, Activation.SIGMOID)));
        Table rows = data(6, false, 2);
        matchesFiniteDifferences(m, rows, 0);
        float[][] g = InputGradients.of(m, rows, new int[6], CTX);
        double x1 = 0;
        double x3 = 0;
        for (float[] row : g) {
            x1 += Math.abs(row[0]);
            x3 += Math.abs(row[2]);
        }
        assertTrue(x1 > 3 * x3, "the output leans on x1 (" + x1 + "), hardly on the unused x3 (" + x3 + ")");
    }

    @Test
    void aClassifierWithBatchNormAndDropoutIsDifferentiatedAsItPredicts() {
        TrainedModel m = train(Task.CLASSIFICATION, data(200, true, 3), List.of(new DenseNode.Params(16, Activation.TANH),
                new BatchNormNode.Params(), new DropoutNode.Params(0.3), new DenseNode.Params(8, Activation.TANH)));
        Table rows = data(5, true, 4);
        matchesFiniteDifferences(m, rows, 1);
        matchesFiniteDifferences(m, rows, 0);
    }

    @Test
    void theSameModelGivesTheSameGradients() {
        TrainedModel m = train(Task.REGRESSION, data(100, false, 5), List.of(new DenseNode.Params(8, Activation.TANH)));
        Table rows = data(4, false, 6);
        assertArrayEquals(InputGradients.of(m, rows, new int[4], CTX), InputGradients.of(m, rows, new int[4], CTX));
    }

    @Test
    void aModelThatIsNoNetworkIsRefusedPlainly() {
        TrainedModel notNet = new org.anneal.nodes.model.RidgeLearner(0.1).fit(data(20, false, 7), List.of("x1", "x2", "x3"), "y", CTX);
        NodeFailure f = assertThrows(NodeFailure.class, () -> InputGradients.of(notNet, data(2, false, 8), new int[2], CTX));
        assertTrue(f.getMessage().contains("model.network"), f.getMessage());
    }
}
