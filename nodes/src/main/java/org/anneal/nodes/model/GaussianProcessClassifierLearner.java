package org.anneal.nodes.model;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.Choices;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;

/**
 * Gaussian-process classification by the Laplace approximation ({@link LaplaceGp}). Two classes make one binary
 * problem; more make one per class against the rest, whose probabilities are normalised to sum to one. For each
 * binary problem the length scale and signal variance are chosen by the approximate marginal likelihood over a
 * log-spaced grid, as the regression GP does (the Laplace evidence has no cheap closed-form gradient worth the code
 * at teaching sizes).
 */
public record GaussianProcessClassifierLearner(Kernel kernel) implements Learner {

    /** Stored as "rbf" or "matern52". */
    public enum Kernel {
        RBF, MATERN52;

        GaussianProcessLearner.Kernel regression() {
            return this == RBF ? GaussianProcessLearner.Kernel.RBF : GaussianProcessLearner.Kernel.MATERN52;
        }
    }

    static final int MAX_ROWS = 1000;

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public String describe() {
        return "Gaussian process classifier (" + Choices.name(kernel) + " kernel, Laplace approximation)";
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        CategoricalColumn y = (CategoricalColumn) TrainingRows.requireComplete(train, features, target);
        int n = train.rowCount();
        if (n > MAX_ROWS) {
            throw new NodeFailure("A Gaussian process classifier on " + n + " rows factorises an " + n + "×" + n
                    + " matrix many times; the limit here is " + MAX_ROWS + ".", "Sample fewer training rows, or use model.logistic or a random forest.");
        }
        List<String> classes = y.levels();
        int[] codes = y.codes();
        if (java.util.Arrays.stream(codes).distinct().count() < 2) {
            throw new NodeFailure("The training rows hold only one class of '" + target + "'; a classifier needs at least two.",
                    "Check the split (stratify it) or the target column.");
        }
        double[][] x = GaussianProcessLearner.matrix(train, features);
        double[][] d2 = GaussianProcessLearner.squaredDistances(x, x);
        List<LaplaceGp> problems = new ArrayList<>();
        if (classes.size() == 2) {
            problems.add(best(x, d2, labels(codes, 1), ctx));
        } else {
            for (int c = 0; c < classes.size(); c++) {
                problems.add(best(x, d2, labels(codes, c), ctx));
            }
        }
        return new GaussianProcessClassifierModel(describe(), target, features, classes, problems);
    }

    private static double[] labels(int[] codes, int positive) {
        double[] t = new double[codes.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = codes[i] == positive ? 1 : 0;
        }
        return t;
    }

    /** The Laplace fit with the highest approximate evidence over length scale 10^−1.5 … 10^1.5 and signal variance 10^−0.5 … 10^2. */
    private LaplaceGp best(double[][] x, double[][] d2, double[] t, ExecContext ctx) {
        LaplaceGp best = null;
        for (int a = 0; a <= 12; a++) {
            for (int b = 0; b <= 5; b++) {
                ctx.checkCancelled();
                var cov = new LaplaceGp.Covariance(kernel.regression(), Math.pow(10, -1.5 + a * 0.25), Math.pow(10, -0.5 + b * 0.5));
                LaplaceGp fit = LaplaceGp.fit(x, d2, t, cov);
                if (fit != null && (best == null || fit.logEvidence() > best.logEvidence())) {
                    best = fit;
                }
            }
        }
        if (best == null) {
            throw new NodeFailure("The Laplace approximation failed for every length scale tried.", "Remove duplicated rows or constant features.");
        }
        return best;
    }
}
