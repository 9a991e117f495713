package org.anneal.nn.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.loss.Loss;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nn.Activation;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.NetworkTrainingTest.Ctx;
import org.anneal.nn.Shape;
import org.anneal.nodes.train.LossCurveNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/**
 * Networks trained with a law on an input, on a 1-D toy with a known answer: the plain network bends against the law
 * where it has no data, the penalised one obeys it on a dense grid; an asymptote is reached far out; λ = 0 is plain
 * training exactly; the loss curve keeps the data loss and the penalty apart.
 */
class MonotonePenaltyTrainingTest {
    /** 16 noisy rows of y = 1 − x on [0, 1]: a falling law, and few enough rows for a large network to wiggle through. */
    static Table falling(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 16;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble();
            y[i] = 1 - x[i] + 0.15 * r.nextGaussian();
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static NetworkLearner net(Loss loss, int epochs) {
        Network network = new Network(List.of("x"), Shape.flat(1), "y", Task.REGRESSION,
                List.of(new org.anneal.nodes.nn.DenseNode.Params(32, Activation.TANH), new org.anneal.nodes.nn.DenseNode.Params(32, Activation.TANH)));
        return new NetworkLearner(network, Task.REGRESSION, new NetworkLearner.Settings(epochs, 16, 0, 0, 0.2), loss,
                new Optimizer(Optimizer.Kind.ADAM, 0.02, "none", 0, 0.9, 0.999, 1e-8));
    }

    static Loss decreasing(double lambda) {
        return Loss.squared().withPenalty(Loss.Penalty.monotone(Loss.PenaltyKind.DECREASING, lambda, "x", 0.05, 1));
    }

    /** Predictions on {@code points} evenly spaced x in [from, to]. */
    static double[] grid(NetworkModel m, double from, double to, int points) {
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = from + (to - from) * i / (points - 1);
        }
        return m.predict(new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x))));
    }

    /** Grid steps where the prediction rises by more than {@code tolerance}. */
    static int rises(double[] p, double tolerance) {
        int n = 0;
        for (int i = 1; i < p.length; i++) {
            n += p[i] - p[i - 1] > tolerance ? 1 : 0;
        }
        return n;
    }

    static double maxRise(double[] p) {
        double m = 0;
        for (int i = 1; i < p.length; i++) {
            m = Math.max(m, p[i] - p[i - 1]);
        }
        return m;
    }

    static NetworkModel fit(NetworkLearner learner, Table t) {
        return (NetworkModel) learner.fit(t, List.of("x"), "y", new Ctx(Integer.MAX_VALUE));
    }

    @Test
    void thePlainNetworkRisesSomewhereAndThePenalisedOneFallsEverywhereOnTheProbedRange() {
        Table t = falling(3);
        double[] plain = grid(fit(net(null, 1500), t), -1, 2, 301);
        double[] law = grid(fit(net(decreasing(1000), 1500), t), -1, 2, 301); // λ = 100 still left a rise of 0.001 here
        assertTrue(rises(plain, 1e-4) >= 10 && maxRise(plain) > 0.01, "the plain network bends against the law: " + rises(plain, 1e-4)
                + " rising steps of 300, the largest " + maxRise(plain));
        assertEquals(0, rises(law, 1e-4), "the penalised network falls all the way from x = −1 to 2");
    }

    @Test
    void anAsymptoteIsReachedFarOut() {
        Table t = falling(4);
        Loss toward = Loss.squared().withPenalty(Loss.Penalty.asymptote(10, "x", 10, -0.5));
        double farPlain = grid(fit(net(null, 800), t), 10, 10, 2)[0];
        double far = grid(fit(net(toward, 800), t), 10, 10, 2)[0];
        assertEquals(-0.5, far, 0.05, "the prediction at x = 10 sits at the stated limit");
        assertTrue(Math.abs(farPlain + 0.5) > 0.2, "without the penalty it does not: " + farPlain);
    }

    @Test
    void lambdaZeroTrainsExactlyAsWithoutThePenalty() {
        Table t = falling(5);
        assertArrayEquals(fit(net(null, 30), t).weights(), fit(net(decreasing(0), 30), t).weights());
    }

    @Test
    void theSameSeedGivesTheSameWeightsWithProbes() {
        Table t = falling(6);
        assertArrayEquals(fit(net(decreasing(10), 30), t).weights(), fit(net(decreasing(10), 30), t).weights());
    }

    @Test
    void theCurveKeepsTheDataLossAndDrawsThePenaltyBesideIt() {
        Table t = falling(7);
        NetworkModel plain = fit(net(null, 40), t);
        NetworkModel law = fit(net(decreasing(1), 40), t);
        assertNull(plain.penaltyPerEpoch());
        assertNotNull(law.penaltyPerEpoch());
        assertEquals(41, law.penaltyPerEpoch().length);
        // the same start (seeded weights, the same rows): epoch 0 is the data loss alone, probes and penalty left out
        assertEquals(plain.lossPerEpoch()[0], law.lossPerEpoch()[0], 1e-6 * plain.lossPerEpoch()[0]);
        var out = new LossCurveNode().execute(new Inputs(Map.of("model", law)), new LossCurveNode.Params(), null);
        Plot plot = (Plot) out.get("plot");
        assertEquals(List.of("data loss", "penalty P"), plot.series().stream().map(Plot.Series::name).toList());
        Metrics m = (Metrics) out.get("metrics");
        assertEquals(law.penaltyPerEpoch()[40], m.values().get("final_penalty"), 0);
        assertEquals(law.lossPerEpoch()[40], m.values().get("final_loss"), 0);
    }
}
