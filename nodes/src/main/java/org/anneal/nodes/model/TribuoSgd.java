package org.anneal.nodes.model;

import java.util.Locale;
import org.anneal.ml.loss.Loss;
import org.anneal.ml.optim.Optimizer;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.RegressionObjective;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Translates the backend-neutral {@link Loss} and {@link Optimizer} values into Tribuo's objectives and optimisers. */
public final class TribuoSgd {
    private TribuoSgd() {
    }

    /**
     * Tribuo's objective for a regression loss. Tribuo's squared loss is ½(y − ŷ)² and its Huber loss is ½r² inside
     * delta and delta·(|r| − ½·delta) outside; the loss curve reports the values Tribuo computes.
     */
    public static RegressionObjective regressionObjective(Loss loss) {
        if (loss.penalty() != null) {
            throw new org.anneal.spec.NodeFailure("A physics penalty (" + loss.penalty().describe() + ") applies to neural networks only.",
                    "Wire the penalty loss to a model.network, or wire a plain loss here.");
        }
        return switch (loss.kind()) {
            case SQUARED -> new SquaredLoss();
            case ABSOLUTE -> new AbsoluteLoss();
            case HUBER -> new Huber(loss.parameter());
            default -> throw new IllegalStateException(loss.describe() + " is a classification loss");
        };
    }

    /** Tribuo's objective for a classification loss. */
    public static LabelObjective labelObjective(Loss loss) {
        return switch (loss.kind()) {
            case LOG -> new LogMulticlass();
            case HINGE -> new Hinge(loss.parameter());
            default -> throw new IllegalStateException(loss.describe() + " is a regression loss");
        };
    }

    /** A fresh optimiser for one fit: Tribuo's optimisers keep per-run state. */
    public static StochasticGradientOptimiser optimiser(Optimizer o) {
        return switch (o.kind()) {
            case SGD -> SGD.getSimpleSGD(o.learningRate(), o.rho(), SGD.Momentum.valueOf(o.momentum().toUpperCase(Locale.ROOT)));
            case ADAGRAD -> new AdaGrad(o.learningRate(), o.epsilon());
            // Tribuo's RMSProp(learningRate, rho, epsilon, decay): no learning-rate decay here
            case RMSPROP -> new RMSProp(o.learningRate(), o.rho(), o.epsilon(), 0);
            // not Tribuo's Adam: see AdamOptimiser for the defect in Tribuo 4.3.2
            case ADAM -> new AdamOptimiser(o.learningRate(), o.beta1(), o.beta2(), o.epsilon());
        };
    }
}
