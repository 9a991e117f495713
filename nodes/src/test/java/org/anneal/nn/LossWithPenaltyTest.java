package org.anneal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anneal.ml.loss.Loss;
import org.anneal.nn.dl4j.LossWithPenalty;
import org.anneal.nodes.loss.PhysicsPenaltyNode;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** Physics penalties on a network's loss: their values by hand, and their gradients against finite differences. */
public class LossWithPenaltyTest {
    static LossWithPenalty penalty(Loss.PenaltyKind kind, double lambda) {
        return new LossWithPenalty(new LossMSE(), new Loss.Penalty(kind, lambda, -0.5, 0.5));
    }

    @Test
    void penaltiesAreZeroWhereTheLawHoldsAndQuadraticBeyond() {
        INDArray pred = Nd4j.create(new double[][] {{0.3, -0.2}, {-1.0, 0.9}});
        IActivation id = new ActivationIdentity();
        INDArray nonNeg = penalty(Loss.PenaltyKind.NON_NEGATIVE, 1).penaltyPerRow(pred, id);
        assertEquals(0.04 / 2, nonNeg.getDouble(0), 1e-12); // only −0.2 violates: 0.2², averaged over 2 outputs
        assertEquals(1.0 / 2, nonNeg.getDouble(1), 1e-12);
        INDArray bounds = penalty(Loss.PenaltyKind.BOUNDS, 1).penaltyPerRow(pred, id); // [−0.5, 0.5]
        assertEquals(0, bounds.getDouble(0), 1e-12);
        assertEquals((0.25 + 0.16) / 2, bounds.getDouble(1), 1e-12);
        INDArray sum = penalty(Loss.PenaltyKind.SUM_TO_ONE, 1).penaltyPerRow(pred, id);
        assertEquals(0.81, sum.getDouble(0), 1e-12); // 0.1 − 1
        assertEquals(1.21, sum.getDouble(1), 1e-12); // −1.0 + 0.9 − 1 = −1.1
    }

    @Test
    void gradientsMatchFiniteDifferencesThroughAnActivation() {
        INDArray labels = Nd4j.create(new double[][] {{0.1, -0.9, 0.5}, {0.7, 0.2, -0.3}});
        INDArray pre = Nd4j.create(new double[][] {{0.3, 2.5, -1.7}, {-0.4, 0.9, -0.05}}).castTo(DataType.DOUBLE);
        for (Loss.PenaltyKind kind : java.util.List.of(Loss.PenaltyKind.NON_NEGATIVE, Loss.PenaltyKind.BOUNDS, Loss.PenaltyKind.SUM_TO_ONE)) {
            // the input laws act on probe rows: ProbePenaltyLossTest
            for (IActivation act : new IActivation[] {new ActivationIdentity(), new ActivationTanH()}) {
                assertGradientMatchesFiniteDifferences(penalty(kind, 3.0), labels, pre, act, kind + " " + act);
            }
        }
    }

    /** Every entry of the loss's gradient with respect to the pre-activations against a central difference of its score. */
    public static void assertGradientMatchesFiniteDifferences(org.nd4j.linalg.lossfunctions.ILossFunction loss, INDArray labels, INDArray pre,
                                                              IActivation act, String what) {
        INDArray grad = loss.computeGradient(labels, pre, act, null);
        double h = 1e-6;
        for (int i = 0; i < pre.rows(); i++) {
            for (int j = 0; j < pre.columns(); j++) {
                INDArray up = pre.dup();
                up.putScalar(i, j, pre.getDouble(i, j) + h);
                INDArray down = pre.dup();
                down.putScalar(i, j, pre.getDouble(i, j) - h);
                double numeric = (loss.computeScore(labels, up, act, null, false) - loss.computeScore(labels, down, act, null, false)) / (2 * h);
                assertEquals(numeric, grad.getDouble(i, j), 1e-6, what + " d loss / d pre[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void theBlockWrapsTheDataLossAndRefusesEmptyBounds() throws Exception {
        var node = new PhysicsPenaltyNode();
        Loss out = (Loss) node.execute(new Inputs(Map.of("dataLoss", new Loss(Loss.Kind.HUBER, 2))),
                new PhysicsPenaltyNode.Params(Loss.PenaltyKind.BOUNDS, 5, 0, 1), null).get("loss");
        assertEquals(Loss.Kind.HUBER, out.kind());
        assertEquals("Huber loss (delta = 2.0) + 5.0·bounds [0.0, 1.0]", out.describe());
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of()),
                new PhysicsPenaltyNode.Params(Loss.PenaltyKind.BOUNDS, 5, 1, 1), null));
        assertEquals("high", e.param());
    }

    @Test
    void aPenaltyOnAnInputTheNetworkDoesNotReadIsAConfigureErrorAtTheLossPort() throws Exception {
        var penalty = new PhysicsPenaltyNode();
        var params = new PhysicsPenaltyNode.Params(Loss.PenaltyKind.DECREASING, 10, 0, 1, "temper_k", 0.05, 1, 10, 0);
        var loss = penalty.configure(Specs.of(Map.of()), params, null).get("loss");
        var target = new org.anneal.spec.ColumnSpec("hardness_hv", org.anneal.spec.ColumnType.NUMERIC, org.anneal.spec.ColumnRole.TARGET);
        var net = org.anneal.spec.NetworkSpec.input(java.util.List.of("temper_c", "time_h"), java.util.List.of(2), target);
        var network = new org.anneal.nodes.nn.NetworkNode();
        var netParams = new org.anneal.nodes.nn.NetworkNode.Params(10, 16, 0, 0, 0.1, 0);
        ConfigError e = assertThrows(ConfigError.class, () -> network.configure(Specs.of(Map.of("network", net, "loss", loss)), netParams, null));
        assertEquals("loss", e.port());
        assertTrue(e.getMessage().contains("'temper_k'") && e.getMessage().contains("[temper_c, time_h]"), e.getMessage());
        assertTrue(e.fix().contains("Did you mean 'temper_c'"), e.fix());
        var good = penalty.configure(Specs.of(Map.of()), new PhysicsPenaltyNode.Params(Loss.PenaltyKind.DECREASING, 10, 0, 1, "temper_c", 0.05, 1,
                10, 0), null).get("loss");
        network.configure(Specs.of(Map.of("network", net, "loss", good)), netParams, null); // the right name passes
        var merged = new org.anneal.spec.NetworkSpec(net.inputColumns(), net.inputShape(), target,
                java.util.List.of(new org.anneal.spec.NetworkSpec.Layer("merge", "concat", java.util.List.of(4), 0)), net.lineage());
        ConfigError graph = assertThrows(ConfigError.class, () -> network.configure(Specs.of(Map.of("network", merged, "loss", good)), netParams, null));
        assertTrue(graph.getMessage().contains("chain networks"), graph.getMessage());
        ConfigError unnamed = assertThrows(ConfigError.class, () -> penalty.configure(Specs.of(Map.of()),
                new PhysicsPenaltyNode.Params(Loss.PenaltyKind.ASYMPTOTE, 10, 0, 1, "", 0.05, 1, 10, 0), null));
        assertEquals("feature", unnamed.param());
    }
}
