package org.anneal.ml;

import org.anneal.spec.Task;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;

/** A fitted model: the value on a MODEL wire. Immutable; safe to share between threads. */
public interface TrainedModel {
    Task task();

    String target();

    List<String> features();

    String describe();

    /**
     * One prediction per row of {@code data}, which must hold every feature column. For a classifier, the
     * index of the predicted class in {@link #classes()}.
     */
    double[] predict(Table data);

    /** The predicted class of each row from its class scores: the index of the largest (the first of equal ones). */
    static double[] classCodes(double[][] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int k = 1; k < scores[i].length; k++) {
                best = scores[i][k] > scores[i][best] ? k : best;
            }
            out[i] = best;
        }
        return out;
    }

    /** Predictive standard deviation per row, for models that know their uncertainty (Gaussian processes); else null. */
    default double[] predictionStd(Table data) {
        return null;
    }

    /** For a classifier, the class names in a fixed order; empty for regression. */
    default List<String> classes() {
        return List.of();
    }

    /** For a probabilistic classifier, one row of class probabilities (in {@link #classes()} order) per data row; else null. */
    default double[][] probabilities(Table data) {
        return null;
    }

    /**
     * The features this model would have to predict from with missing values in {@code data}, so a scoring node can
     * refuse with the column named instead of producing empty predictions. A model that prepares its rows first (a
     * pipeline with an imputer) asks about the prepared rows.
     */
    default List<String> featuresMissingIn(Table data) {
        return features().stream().filter(f -> data.column(f).map(c -> c.missingCount() > 0).orElse(false)).toList();
    }

    /** Learnt parameters worth showing (coefficients, intercept), in display order. */
    Map<String, Double> parameters();
}
