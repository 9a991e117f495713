package org.anneal.nodes.optim;

import java.util.Locale;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

/**
 * A gradient optimizer with its settings: the value on an OPTIMIZER wire. Immutable; {@link #create()} makes a
 * fresh Tribuo optimiser for each fit, because Tribuo's optimisers keep per-run state (momentum, squared
 * gradients).
 *
 * @param kind         which update rule
 * @param learningRate step size (Adam's alpha)
 * @param momentum     for SGD: "none", "standard" or "nesterov"
 * @param rho          SGD momentum coefficient, or RMSProp's decay of the squared-gradient average
 * @param beta1        Adam's decay of the mean gradient
 * @param beta2        Adam's decay of the squared gradient
 * @param epsilon      AdaGrad / RMSProp / Adam denominator guard
 */
public record Optimizer(Kind kind, double learningRate, String momentum, double rho, double beta1, double beta2, double epsilon) {

    public enum Kind { SGD, ADAGRAD, RMSPROP, ADAM }

    /** Plain stochastic gradient descent at a constant rate: the default when no optimizer is wired. */
    public static Optimizer sgd(double learningRate) {
        return new Optimizer(Kind.SGD, learningRate, "none", 0, 0, 0, 0);
    }

    public StochasticGradientOptimiser create() {
        return switch (kind) {
            case SGD -> SGD.getSimpleSGD(learningRate, rho, SGD.Momentum.valueOf(momentum.toUpperCase(Locale.ROOT)));
            case ADAGRAD -> new AdaGrad(learningRate, epsilon);
            // Tribuo's RMSProp(learningRate, rho, epsilon, decay): no learning-rate decay here
            case RMSPROP -> new RMSProp(learningRate, rho, epsilon, 0);
            // not Tribuo's Adam: see AdamOptimiser for the defect in Tribuo 4.3.2
            case ADAM -> new AdamOptimiser(learningRate, beta1, beta2, epsilon);
        };
    }

    public String describe() {
        return switch (kind) {
            case SGD -> momentum.equals("none") ? String.format(Locale.ROOT, "SGD (rate %s)", learningRate)
                    : String.format(Locale.ROOT, "SGD (rate %s, %s momentum %s)", learningRate, momentum, rho);
            case ADAGRAD -> String.format(Locale.ROOT, "AdaGrad (rate %s)", learningRate);
            case RMSPROP -> String.format(Locale.ROOT, "RMSProp (rate %s, rho %s)", learningRate, rho);
            case ADAM -> String.format(Locale.ROOT, "Adam (rate %s, beta1 %s, beta2 %s)", learningRate, beta1, beta2);
        };
    }
}
