package org.anneal.nn.dl4j;

import org.anneal.ml.loss.Loss;
import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.NodeFailure;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** Anneal's loss and optimizer values as DL4J's loss functions and updaters. */
final class Dl4jUpdaters {
    private Dl4jUpdaters() {
    }

    /** DL4J's loss for {@code loss}; the output head uses softmax with cross-entropy and identity otherwise. */
    static ILossFunction loss(Loss loss) {
        ILossFunction base = dataLoss(loss);
        return loss.penalty() == null ? base : new LossWithPenalty(base, loss.penalty());
    }

    private static ILossFunction dataLoss(Loss loss) {
        return switch (loss.kind()) {
            case SQUARED -> new LossMSE();
            case ABSOLUTE -> new LossMAE();
            case LOG -> new LossMCXENT();
            case HUBER -> new LossHuber(loss.parameter());
            case HINGE -> throw new NodeFailure("A neural network classifier trains on log loss (cross-entropy), not hinge loss.",
                    "Wire loss.log to the network's Fit node, or leave its loss input empty.");
        };
    }

    static IUpdater updater(Optimizer o) {
        return switch (o.kind()) {
            case SGD -> switch (o.momentum()) {
                case "none" -> new Sgd(o.learningRate());
                case "nesterov" -> new Nesterovs(o.learningRate(), o.rho());
                default -> throw new NodeFailure("DL4J offers Nesterov momentum only, not '" + o.momentum() + "' momentum.",
                        "Set the SGD block's momentum to 'nesterov' or 'none'.");
            };
            case ADAGRAD -> new AdaGrad(o.learningRate(), o.epsilon());
            case RMSPROP -> new RmsProp(o.learningRate(), o.rho(), o.epsilon());
            case ADAM -> new Adam(o.learningRate(), o.beta1(), o.beta2(), o.epsilon());
        };
    }
}
