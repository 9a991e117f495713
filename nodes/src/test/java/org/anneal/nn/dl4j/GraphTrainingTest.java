package org.anneal.nn.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.Optimizer;
import org.anneal.ml.optim.TrainingCurve;
import org.anneal.nn.Activation;
import org.anneal.nn.MergeLayer;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.NetworkTrainingTest;
import org.anneal.nn.NetworkTrainingTest.Ctx;
import org.anneal.nn.Shape;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Networks with branches train as ComputationGraphs: they learn, reproducibly, stop when asked, and survive a save. */
class GraphTrainingTest {
    /** The curved toy function of the chain tests (the counting context is theirs too). */
    static Table curved(int n, long seed) {
        return NetworkTrainingTest.curved(n, seed);
    }


    /** Two dense branches from one input, concatenated (or a residual sum), then a dense layer before the head. */
    static NetworkLearner twoBranch(MergeLayer.Mode mode, int epochs, double rate, int patience) {
        Network in = new Network(List.of("x1", "x2"), Shape.flat(2), "y", Task.REGRESSION, List.of());
        Network left = in.then(new DenseNode.Params(16, Activation.TANH));
        Network right = in.then(new DenseNode.Params(16, Activation.RELU));
        Network net = left.then(new MergeLayer(mode, right)).then(new DenseNode.Params(8, Activation.TANH));
        return new NetworkLearner(net, Task.REGRESSION, new NetworkLearner.Settings(epochs, 16, 0, patience, 0.2), null,
                new Optimizer(Optimizer.Kind.ADAM, rate, "none", 0, 0.9, 0.999, 1e-8));
    }

    @Test
    void aTwoBranchNetworkLearnsACurvedFunction() {
        Table train = curved(400, 1);
        Table test = curved(200, 2);
        Ctx ctx = new Ctx(Integer.MAX_VALUE);
        TrainedModel m = twoBranch(MergeLayer.Mode.CONCAT, 60, 0.01, 0).fit(train, List.of(), "y", ctx);
        assertTrue(m instanceof GraphModel, "a merge makes a graph");
        double[] loss = ((TrainingCurve) m).lossPerEpoch();
        assertTrue(loss[60] < loss[0] / 20, "loss falls: " + loss[0] + " -> " + loss[60]);
        double r2 = NetworkTrainingTest.r2(m.predict(test), test.numeric("y").values());
        assertTrue(r2 > 0.95, "R² on new rows " + r2);
        // 2·16+16 twice, 32·8+8, head 8+1
        assertEquals(2 * (2 * 16 + 16) + 32 * 8 + 8 + 9, m.parameters().get("parameters"), 0);
        assertTrue(ctx.published.get(ctx.published.size() - 1) instanceof Plot, "the loss so far is published for the editor");
        assertTrue(m.describe().contains("concat with [dense 16]") && m.describe().contains("as a graph"), m.describe());
    }

    @Test
    void theBlocksThatLookInsideAChainSayAGraphIsWhatTheyCannotFollow() {
        GraphModel m = (GraphModel) twoBranch(MergeLayer.Mode.ADD, 1, 0.01, 0).fit(curved(40, 1), List.of(), "y", new Ctx(Integer.MAX_VALUE));
        org.anneal.spec.NodeFailure saliency = org.junit.jupiter.api.Assertions.assertThrows(org.anneal.spec.NodeFailure.class,
                () -> InputGradients.requireChain(m));
        assertTrue(saliency.getMessage().contains("nn.merge"), saliency.getMessage());
        assertTrue(saliency.fix().contains("without nn.merge"), saliency.fix());
    }

    @Test
    void aGraphsEpochLossIsTheRowWeightedMeanOfItsMinibatchLossesAsForAChain() {
        // learning rate 0: nothing moves, so each epoch's row-weighted mean over 203 = 12 × 16 + 11 rows equals epoch 0's loss
        NetworkLearner still = twoBranch(MergeLayer.Mode.ADD, 3, 0.01, 0);
        still = new NetworkLearner(still.network(), Task.REGRESSION, still.settings(), null, Optimizer.sgd(0));
        GraphModel m = (GraphModel) still.fit(curved(203, 1), List.of(), "y", new Ctx(Integer.MAX_VALUE));
        double[] loss = ((TrainingCurve) m).lossPerEpoch();
        assertEquals(4, loss.length);
        for (int e = 1; e < loss.length; e++) {
            assertEquals(loss[0], loss[e], 1e-5 * loss[0], "epoch " + e + " of " + java.util.Arrays.toString(loss));
        }
    }

    @Test
    void theSameSeedAndThreadsGiveIdenticalParameters() {
        Table train = curved(200, 3);
        GraphModel a = (GraphModel) twoBranch(MergeLayer.Mode.ADD, 4, 0.01, 0).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE));
        GraphModel b = (GraphModel) twoBranch(MergeLayer.Mode.ADD, 4, 0.01, 0).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE));
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.predict(train), b.predict(train));
    }

    @Test
    void aSavedGraphRestoresWithTheSamePredictions() throws Exception {
        Table train = curved(200, 4);
        GraphModel m = (GraphModel) twoBranch(MergeLayer.Mode.CONCAT, 3, 0.01, 0).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(m.graph(), bytes, false);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), false);
        assertEquals(m.graph().getConfiguration().toJson(), back.getConfiguration().toJson());
        assertArrayEquals(m.weights(), back.params().toFloatVector());
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2);
        assertEquals(m.graph().outputSingle(x), back.outputSingle(x));
    }

    @Test
    void earlyStoppingKeepsTheBestEpochOfAGraph() {
        Table train = curved(200, 5);
        TrainedModel m = twoBranch(MergeLayer.Mode.CONCAT, 400, 0.05, 5).fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE));
        double kept = m.parameters().get("kept epoch");
        double trained = m.parameters().get("epochs trained");
        assertTrue(trained < 400 && kept == trained - 5, "kept " + kept + " of " + trained);
    }

    @Test
    void cancelStopsAGraphAndADivergingGraphNamesTheEpoch() {
        Table train = curved(300, 6);
        Ctx ctx = new Ctx(25);
        assertThrows(ExecContext.Cancelled.class, () -> twoBranch(MergeLayer.Mode.CONCAT, 1000, 0.01, 0).fit(train, List.of(), "y", ctx));
        assertEquals(26, ctx.checks.get(), "stops at the first cancel");
        NetworkLearner base = twoBranch(MergeLayer.Mode.CONCAT, 50, 0.01, 0);
        NetworkLearner wild = new NetworkLearner(base.network(), Task.REGRESSION, base.settings(), null, Optimizer.sgd(1e6));
        NodeFailure f = assertThrows(NodeFailure.class, () -> wild.fit(train, List.of(), "y", new Ctx(Integer.MAX_VALUE)));
        assertTrue(f.getMessage().contains("at epoch 1"), f.getMessage());
    }

    @Test
    void aChainWithoutMergeStaysAMultiLayerNetwork() {
        Network chain = new Network(List.of("x1", "x2"), Shape.flat(2), "y", Task.REGRESSION, List.of(new DenseNode.Params(4, Activation.TANH)));
        assertFalse(Dl4jGraphs.isGraph(chain));
        TrainedModel m = new NetworkLearner(chain, Task.REGRESSION, new NetworkLearner.Settings(1, 16, 0, 0, 0.2), null, null)
                .fit(curved(50, 7), List.of(), "y", new Ctx(Integer.MAX_VALUE));
        assertTrue(m instanceof NetworkModel, m.getClass().getName());
    }
}
