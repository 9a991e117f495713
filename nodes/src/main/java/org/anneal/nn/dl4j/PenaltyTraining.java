package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.anneal.nn.NetworkLearner;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What a chain network trained with a physics penalty needs beside plain training: its minibatches with probe rows
 * ({@link PenaltyProbes}; none for the laws on the predictions alone) and its curves kept apart — the data loss, which the
 * training curve and early stopping read as for any network, and the penalty P per epoch, which the loss curve draws beside
 * it. Both are read from the {@link LossWithPenalty} DL4J's output layer scored with, after each step.
 */
final class PenaltyTraining {
    private final LossWithPenalty loss;
    private final PenaltyProbes probes;
    private final float[] x;
    private final float[] y;
    private final int outputs;
    private final List<Double> penaltyPerEpoch = new ArrayList<>();
    private double penaltySum;
    private long rows;

    private PenaltyTraining(LossWithPenalty loss, PenaltyProbes probes, float[] x, float[] y, int outputs) {
        this.loss = loss;
        this.probes = probes;
        this.x = x;
        this.y = y;
        this.outputs = outputs;
    }

    /** The penalty's bookkeeping for {@code net}, or null when its loss carries no penalty. */
    static PenaltyTraining of(MultiLayerNetwork net, NetworkLearner learner, float[] x, int width, float[] y, int outputs, int[] fitRows,
                              long seed) {
        if (!(net.getOutputLayer() instanceof BaseOutputLayer<?> out) || !(out.layerConf().getLossFn() instanceof LossWithPenalty l)) {
            return null;
        }
        return new PenaltyTraining(l, PenaltyProbes.of(learner, x, width, fitRows, seed), x, y, outputs);
    }

    /** The minibatch to step on: {@code plain}, or the rows {@code index[from..to)} with their probe rows. */
    DataSet batch(DataSet plain, int[] index, int from, int to) {
        return probes == null ? plain : probes.batch(x, y, outputs, index, from, to);
    }

    /** After a step on {@code n} rows: its data loss (before the step), its penalty added to the epoch's. */
    double stepped(int n) {
        penaltySum += loss.lastPenalty() * n;
        rows += n;
        return loss.lastDataLoss();
    }

    /** Closes an epoch's penalty: the row-weighted mean of its minibatches', like its data loss. */
    void epochDone() {
        penaltyPerEpoch.add(penaltySum / rows);
        penaltySum = 0;
        rows = 0;
    }

    /** Epoch 0: the untrained network's data loss on the rows {@code index[0..to)} (with their probes), its penalty kept. */
    double initial(MultiLayerNetwork net, DataSet plain, int[] index, int to) {
        net.score(batch(plain, index, 0, to));
        penaltyPerEpoch.add(loss.lastPenalty());
        return loss.lastDataLoss();
    }

    /** The data loss alone of rows without probes (the validation rows). */
    double dataLoss(MultiLayerNetwork net, DataSet set) {
        net.score(set);
        return loss.lastDataLoss();
    }

    double[] penaltyPerEpoch() {
        return penaltyPerEpoch.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
