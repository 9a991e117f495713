package org.anneal.nn.dl4j;

import static org.anneal.nn.NetworkTrainingTest.curved;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nn.Activation;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.nn.Shape;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.nodes.nn.SeededContext;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/**
 * The training loop's bookkeeping: an epoch's training loss is the row-weighted mean of its minibatch losses (not a
 * second pass over the rows), a seed and a thread count give bit-identical parameters, and the minibatch array that is
 * refilled every step holds exactly the rows asked for.
 */
class TrainingLoopTest {
    private static NetworkModel fit(Table t, int epochs, int batch, Optimizer optimizer, long seed) {
        Network net = new Network(List.of("x1", "x2"), Shape.flat(2), "y", Task.REGRESSION,
                List.of(new DenseNode.Params(8, Activation.TANH), new DenseNode.Params(4, Activation.RELU)));
        NetworkLearner learner = new NetworkLearner(net, Task.REGRESSION, new NetworkLearner.Settings(epochs, batch, 0, 0, 0.2), null, optimizer);
        return (NetworkModel) Dl4jTrainer.train(learner, t, "y", new SeededContext(seed));
    }

    @Test
    void anEpochsLossIsTheRowWeightedMeanOfItsMinibatchLosses() {
        // with a learning rate of 0 nothing moves, so every minibatch is scored by the untrained network and the row-weighted
        // mean over an epoch must equal the untrained network's loss on all rows (epoch 0, exact below 2,000 rows), even with
        // a short last minibatch (203 = 12 × 16 + 11); a plain mean of the minibatch losses would not
        NetworkModel m = fit(curved(203, 1), 3, 16, Optimizer.sgd(0), 5);
        double[] loss = m.lossPerEpoch();
        assertEquals(4, loss.length);
        for (int e = 1; e < loss.length; e++) {
            assertEquals(loss[0], loss[e], 1e-5 * loss[0], "epoch " + e + " of " + java.util.Arrays.toString(loss));
        }
    }

    @Test
    void theSameSeedAndThreadCountGiveIdenticalParametersAndADifferentSeedDoesNot() {
        Table t = curved(300, 2);
        Optimizer adam = new Optimizer(Optimizer.Kind.ADAM, 0.01, "none", 0, 0.9, 0.999, 1e-8);
        float[] a = fit(t, 4, 32, adam, 11).network().params().dup().data().asFloat();
        float[] b = fit(t, 4, 32, adam, 11).network().params().dup().data().asFloat();
        float[] c = fit(t, 4, 32, adam, 12).network().params().dup().data().asFloat();
        assertArrayEquals(a, b, "bit-identical parameters for one seed on " + Dl4jRuntime.threads() + " native thread(s)");
        assertTrue(!java.util.Arrays.equals(a, c), "another seed, other parameters");
    }

    @Test
    void theRefilledMinibatchArrayHoldsTheRowsAskedForAndAShortLastOneGetsItsOwn() {
        Dl4jRuntime.exclusive(new SeededContext(1), () -> {
            float[] data = new float[10 * 3];
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            int[] order = {9, 2, 5, 0, 7, 1, 3, 8, 6, 4};
            TableArrays.Batches batches = new TableArrays.Batches(data, Shape.flat(3), 4);
            var first = batches.rows(order, 0, 4);
            float[] firstRows = first.dup().data().asFloat();
            var second = batches.rows(order, 4, 8);
            assertSame(first, second, "one array for every full minibatch");
            assertArrayEquals(TableArrays.rows(data, Shape.flat(3), order, 4, 8).data().asFloat(), second.data().asFloat());
            assertArrayEquals(new float[] {27, 28, 29, 6, 7, 8, 15, 16, 17, 0, 1, 2}, firstRows);
            var last = batches.rows(order, 8, 10);
            assertNotSame(first, last);
            assertArrayEquals(new long[] {2, 3}, last.shape());
            assertArrayEquals(new float[] {18, 19, 20, 12, 13, 14}, last.data().asFloat());
            return null;
        });
    }
}
