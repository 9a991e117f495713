package org.anneal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.anneal.nn.dl4j.LossHuber;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Anneal's Huber loss for DL4J: its values by hand, and its gradient against finite differences. */
class LossHuberTest {
    private final LossHuber huber = new LossHuber(1.0);

    @Test
    void quadraticInsideDeltaLinearBeyondAveragedOverOutputs() {
        INDArray labels = Nd4j.create(new double[][] {{0, 0}, {1, 1}});
        INDArray pred = Nd4j.create(new double[][] {{0.5, 3}, {1, -1}});
        // row 0: ½·0.25 = 0.125 and 1·(3 − 0.5) = 2.5 → mean 1.3125; row 1: 0 and 1·(2 − 0.5) = 1.5 → mean 0.75
        INDArray perRow = huber.computeScoreArray(labels, pred, new ActivationIdentity(), null);
        assertEquals(1.3125, perRow.getDouble(0), 1e-12);
        assertEquals(0.75, perRow.getDouble(1), 1e-12);
        assertEquals((1.3125 + 0.75) / 2, huber.computeScore(labels, pred, new ActivationIdentity(), null, true), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferencesThroughAnActivation() {
        INDArray labels = Nd4j.create(new double[][] {{0.1, -0.9, 0.5}, {0.7, 0.2, -0.3}});
        INDArray pre = Nd4j.create(new double[][] {{0.3, 2.5, -1.7}, {-0.4, 0.9, 3.1}}).castTo(DataType.DOUBLE);
        for (var act : new org.nd4j.linalg.activations.IActivation[] {new ActivationIdentity(), new ActivationTanH()}) {
            LossHuber tight = new LossHuber(0.3); // some residuals inside, some beyond
            INDArray grad = tight.computeGradient(labels, pre, act, null);
            double h = 1e-6;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    INDArray up = pre.dup();
                    up.putScalar(i, j, pre.getDouble(i, j) + h);
                    INDArray down = pre.dup();
                    down.putScalar(i, j, pre.getDouble(i, j) - h);
                    double numeric = (tight.computeScore(labels, up, act, null, false) - tight.computeScore(labels, down, act, null, false)) / (2 * h);
                    assertEquals(numeric, grad.getDouble(i, j), 1e-6, act + " d loss / d pre[" + i + "," + j + "]");
                }
            }
        }
    }
}
