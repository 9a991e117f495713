package org.anneal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.Optimizer;
import org.anneal.ml.optim.TrainingCurve;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

/** DL4J training behind a NetworkLearner: it learns, it is reproducible, it stops when asked and when it diverges. */
public class NetworkTrainingTest {

    /** A context that counts progress reports and live values, and cancels after {@code cancelAfter} checks. */
    public static final class Ctx implements ExecContext {
        public final AtomicInteger checks = new AtomicInteger();
        public final List<Object> published = new ArrayList<>();
        final int cancelAfter;
        double lastProgress;

        public Ctx(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        public long seed() {
            return 7;
        }

        public void checkCancelled() {
            if (checks.incrementAndGet() > cancelAfter) {
                throw new Cancelled();
            }
        }

        public void progress(double fraction) {
            lastProgress = fraction;
        }

        public void publish(String name, Object value) {
            published.add(value);
        }

        public String device() {
            return "cpu";
        }

        public Path resolve(String path, String param) {
            return Path.of(path);
        }

        public String nodeId() {
            return "net";
        }
    }

    /** y = sin(2·x1) + x2², x in [-1, 1]: no straight line fits it (TrainingLoopTest trains on it too). */
    public static Table curved(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-1, 1);
            x2[i] = r.nextDouble(-1, 1);
            y[i] = Math.sin(2 * x1[i]) + x2[i] * x2[i];
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static NetworkLearner mlp(Task task, int epochs, double rate, int patience) {
        return mlp(task, epochs, rate, patience, 16);
    }

    static NetworkLearner mlp(Task task, int epochs, double rate, int patience, int batch) {
        Network net = new Network(List.of("x1", "x2"), Shape.flat(2), "y", task,
                List.of(new org.anneal.nodes.nn.DenseNode.Params(32, Activation.TANH), new org.anneal.nodes.nn.DenseNode.Params(16, Activation.TANH)));
        return new NetworkLearner(net, task, new NetworkLearner.Settings(epochs, batch, 0, patience, 0.2), null,
                new Optimizer(Optimizer.Kind.ADAM, rate, "none", 0, 0.9, 0.999, 1e-8));
    }

    public static double r2(double[] pred, double[] y) {
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double ss = 0;
        double st = 0;
        for (int i = 0; i < y.length; i++) {
            ss += (y[i] - pred[i]) * (y[i] - pred[i]);
            st += (y[i] - mean) * (y[i] - mean);
        }
        return 1 - ss / st;
    }

    @Test
    void aSmallMlpLearnsACurvedFunctionAndItsLossFalls() {
        Table train = curved(400, 1);
        Table test = curved(200, 2);
        Ctx ctx = new Ctx(Integer.MAX_VALUE);
        TrainedModel m = mlp(Task.REGRESSION, 60, 0.01, 0).fit(train, List.of("x1", "x2"), "y", ctx);
        double[] loss = ((TrainingCurve) m).lossPerEpoch();
        assertEquals(61, loss.length);
        assertTrue(loss[60] < loss[0] / 20, "loss falls: " + loss[0] + " -> " + loss[60]);
        double r2 = r2(m.predict(test), test.numeric("y").values());
        assertTrue(r2 > 0.95, "R² on new rows " + r2);
        assertEquals(1.0, ctx.lastProgress, 1e-9);
        assertTrue(ctx.published.get(ctx.published.size() - 1) instanceof Plot, "the loss so far is published for the editor");
        assertTrue(m.describe().contains("native thread") && m.describe().contains("float32"), m.describe());
        assertEquals(2 * 32 + 32 + 32 * 16 + 16 + 16 + 1, m.parameters().get("parameters"), 0);
    }

    @Test
    void theSameSeedGivesTheSamePredictions() {
        Table train = curved(200, 3);
        double[] a = mlp(Task.REGRESSION, 5, 0.01, 0).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE)).predict(train);
        double[] b = mlp(Task.REGRESSION, 5, 0.01, 0).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE)).predict(train);
        assertArrayEquals(a, b);
    }

    @Test
    void cancellingStopsTrainingWithinAMinibatchAndTheNextTrainingStillWorks() {
        Table train = curved(400, 4);
        Ctx ctx = new Ctx(30);
        long t0 = System.nanoTime();
        assertThrows(ExecContext.Cancelled.class, () -> mlp(Task.REGRESSION, 1000, 0.01, 0).fit(train, List.of(), "y", ctx));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "stopped long before 1000 epochs");
        assertEquals(31, ctx.checks.get(), "the listener checks at every step and stops at the first cancel");
        TrainedModel again = mlp(Task.REGRESSION, 2, 0.01, 0).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE));
        assertEquals(400, again.predict(train).length);
    }

    @Test
    void earlyStoppingKeepsTheEpochWithTheLowestValidationLoss() {
        Table train = curved(200, 5);
        TrainedModel m = mlp(Task.REGRESSION, 400, 0.05, 5).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE));
        double kept = m.parameters().get("kept epoch");
        double trained = m.parameters().get("epochs trained");
        assertTrue(trained < 400 && kept == trained - 5, "stopped " + 5 + " epochs after the best: kept " + kept + " of " + trained);
        assertTrue(m.describe().contains("kept epoch"), m.describe());
    }

    @Test
    void aDivergingLossStopsWithTheEpochNamed() {
        Table train = curved(200, 6);
        NetworkLearner wild = new NetworkLearner(mlp(Task.REGRESSION, 50, 0.01, 0).network(), Task.REGRESSION,
                new NetworkLearner.Settings(50, 16, 0, 0, 0.2), null, Optimizer.sgd(1e6));
        NodeFailure f = assertThrows(NodeFailure.class, () -> wild.fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE)));
        assertTrue(f.getMessage().contains("at epoch 1"), f.getMessage());
        assertTrue(f.fix().contains("learning rate"), f.fix());
    }

    @Test
    void aClassifierPredictsClassesWithProbabilities() throws ConfigError {
        int n = 300;
        SplittableRandom r = new SplittableRandom(9);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-1, 1);
            x2[i] = r.nextDouble(-1, 1);
            c[i] = x1[i] * x1[i] + x2[i] * x2[i] < 0.5 ? 1 : 0; // a disc: not linearly separable
        }
        Table t = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("y", ColumnRole.TARGET, c, List.of("out", "in"))));
        TrainedModel m = mlp(Task.CLASSIFICATION, 40, 0.05, 0, 50).fit(t, List.of(), "y", new Ctx(Integer.MAX_VALUE));
        double[] p = m.predict(t);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += p[i] == c[i] ? 1 : 0;
        }
        assertTrue(right > 0.9 * n, "accuracy " + right + "/" + n);
        assertEquals(List.of("out", "in"), m.classes());
        assertEquals(1.0, m.probabilities(t)[0][0] + m.probabilities(t)[0][1], 1e-5);
    }
}
