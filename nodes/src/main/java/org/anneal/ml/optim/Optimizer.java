package org.anneal.ml.optim;

import java.util.Locale;

/**
 * A gradient optimizer with its settings: the value on an OPTIMIZER wire. Settings only, no backend: a learner makes
 * a fresh optimiser of its library from it for each fit (Tribuo's and DL4J's optimisers keep per-run state such as
 * momentum and squared gradients).
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
