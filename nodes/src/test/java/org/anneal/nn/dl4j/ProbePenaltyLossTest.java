package org.anneal.nn.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.anneal.ml.loss.Loss;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The monotone and asymptote penalties on probe rows (labelled NaN, after the minibatch's rows): values by hand, the scaling that makes DL4J's per-row mean come out
 * as data loss + λ·P, and every gradient against central finite differences.
 */
class ProbePenaltyLossTest {
    private static final double NAN = Double.NaN;

    @Test
    void aDecreasingLawCountsOnlyPairsThatRiseAndTheDataLossIgnoresTheProbes() {
        LossWithPenalty loss = new LossWithPenalty(new LossMSE(), Loss.Penalty.monotone(Loss.PenaltyKind.DECREASING, 2.0, "t", 0.05, 1));
        // rows: 2 data rows (labels 1, 0), then 2 pairs: (x, x+δ) = rows 2,3 and 4,5
        INDArray pred = Nd4j.create(new double[][] {{0.5}, {0.0}, {1.0}, {3.0}, {1.3}, {2.0}});
        INDArray labels = Nd4j.create(new double[][] {{1.0}, {0.0}, {NAN}, {NAN}, {NAN}, {NAN}});
        double score = loss.computeScore(labels, pred, new ActivationIdentity(), null, true);
        double data = (0.25 + 0) / 2; // mean squared error over the two data rows
        double p = (0.3 * 0.3 + 0) / 2; // pair 1 rises by 0.3 (violates), pair 2 falls by 1.0 (obeys)
        assertEquals(data, loss.lastDataLoss(), 1e-12);
        assertEquals(p, loss.lastPenalty(), 1e-12);
        assertEquals(data + 2.0 * p, score, 1e-12, "DL4J's mean over all six rows is the data mean plus λ·P");
    }

    @Test
    void anAsymptoteIsTheMeanSquaredDistanceOfTheFarRowsFromTheLimit() {
        LossWithPenalty loss = new LossWithPenalty(new LossMSE(), Loss.Penalty.asymptote(0.5, "t", 10, 1.5));
        INDArray pred = Nd4j.create(new double[][] {{0.5}, {2.0}, {1.0}});
        INDArray labels = Nd4j.create(new double[][] {{0.0}, {NAN}, {NAN}});
        double score = loss.computeScore(labels, pred, new ActivationIdentity(), null, true);
        assertEquals(0.25, loss.lastDataLoss(), 1e-12);
        assertEquals((0.25 + 0.25) / 2, loss.lastPenalty(), 1e-12);
        assertEquals(0.25 + 0.5 * 0.25, score, 1e-12);
    }

    @Test
    void withoutProbeRowsTheInputLawsAddNothing() {
        LossWithPenalty loss = new LossWithPenalty(new LossMSE(), Loss.Penalty.monotone(Loss.PenaltyKind.INCREASING, 5.0, "t", 0.05, 1));
        INDArray pred = Nd4j.create(new double[][] {{0.5}, {2.0}});
        INDArray labels = Nd4j.create(new double[][] {{0.0}, {1.0}});
        double plain = new LossMSE().computeScore(labels, pred, new ActivationIdentity(), null, true);
        assertEquals(plain, loss.computeScore(labels, pred, new ActivationIdentity(), null, true), 1e-12);
        assertEquals(0, loss.lastPenalty());
    }

    @Test
    void probeGradientsMatchFiniteDifferencesThroughAnActivation() {
        Loss.Penalty[] laws = {Loss.Penalty.monotone(Loss.PenaltyKind.INCREASING, 3.0, "t", 0.05, 1),
                Loss.Penalty.monotone(Loss.PenaltyKind.DECREASING, 3.0, "t", 0.05, 1), Loss.Penalty.asymptote(3.0, "t", 10, 0.4)};
        // 3 data rows and 4 probe rows (two monotone pairs, or four far rows); two outputs so the mean over outputs is tested
        INDArray pre = Nd4j.create(new double[][] {{0.3, 2.5}, {-0.4, 0.9}, {1.1, -0.2}, {0.2, 0.7}, {-0.6, 1.4}, {0.9, 0.1}, {-0.1, 1.0}})
                .castTo(DataType.DOUBLE);
        INDArray labels = Nd4j.create(new double[][] {{0.1, -0.9}, {0.7, 0.2}, {0.4, 0.4}, {NAN, NAN}, {NAN, NAN}, {NAN, NAN}, {NAN, NAN}});
        for (Loss.Penalty law : laws) {
            for (IActivation act : new IActivation[] {new ActivationIdentity(), new ActivationTanH()}) {
                org.anneal.nn.LossWithPenaltyTest.assertGradientMatchesFiniteDifferences(new LossWithPenalty(new LossMSE(), law), labels, pre, act,
                        law.kind() + " " + act);
            }
        }
    }
}
