package org.anneal.ml;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every name a node of Anneal writes on a METRICS wire, so that a name typed by a person (a pick-best block's
 * {@code metric}, a rubric's {@code "metric": "score.r2"}) is checked when it is written, with the valid names listed,
 * instead of failing later or silently never matching (issues 13 and 14). {@code GoldenWorkflowsTest} checks that every
 * metric the bundled examples produce is known here, so a new metric added to a node without a line here is found.
 */
public final class MetricNames {
    /** Names written as they are, grouped by what writes them (the groups are for the message only). */
    private static final List<List<String>> FIXED = List.of(
            List.of("r2", "rmse", "mae", "mse", "max_error", "coverage_95", "mean_sd"), // evaluate.regression
            List.of("accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro", "log_loss", "roc_auc"), // classification
            List.of("target_coverage", "coverage", "mean_width", "calibration_rows", "model_coverage", "model_mean_width"), // conformal
            List.of("mean_set_size", "singletons", "empty_sets"), // evaluate.conformal-sets
            List.of("max_abs_error", "rms_error", "rms_residual", "final_physics_loss", "estimated_rate", "final_data_loss"), // model.pinn
            List.of("clusters", "inertia", "silhouette", "ari", "ami", "log_likelihood", "bic", "aic", "iterations", "converged"), // clustering
            List.of("explained_variance", "relative_error", "components"), // evaluate.reconstruction
            List.of("initial_loss", "final_loss", "epochs", "expected_value", "best"), // loss curve, SHAP, pick-best
            List.of("mean_iou", "mean_dice", "pixel_accuracy", "bias", "mean_relative_error"), // segmentation, measurement
            List.of("best_found", "random_best_found", "experiments_to_goal", "random_experiments_to_goal", "pool_best"), // optimize.loop
            List.of("safe_fraction", "max_sd"), // plot.process-map
            List.of("brier_before", "brier_after", "ece_before", "ece_after"), // evaluate.recalibrate
            List.of("mean_similarity", "min_similarity", "unmatched_parts", "mean_weight_r"), // evaluate.match-components
            List.of("elements_found", "peaks_identified", "peaks_unidentified", "mean_abs_error_ev"), // spectra.identify-lines
            List.of("initial_penalty", "final_penalty", "monotone_violations", "rows_violating")); // physics penalties, evaluate.monotonicity
    /** Names followed by a class or feature in brackets: {@code f1[steel]}, {@code mean_abs_shap[carbon]}. */
    private static final List<String> PER_ITEM = List.of("precision", "recall", "f1", "mean_abs_shap", "iou", "dice");
    /** The loss of each extra curve of a loss-curve block: {@code final_loss_2}. */
    private static final Pattern NUMBERED = Pattern.compile("final_loss_[1-9][0-9]*");
    private static final Set<String> ALL = new LinkedHashSet<>(FIXED.stream().flatMap(List::stream).toList());

    private MetricNames() {
    }

    /** True when some node writes this name; cross-validation adds {@code NAME_sd} beside every score it averages. */
    public static boolean known(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        if (ALL.contains(name) || NUMBERED.matcher(name).matches()) {
            return true;
        }
        int open = name.indexOf('[');
        if (open > 0 && name.endsWith("]") && name.length() > open + 2) {
            return PER_ITEM.contains(name.substring(0, open));
        }
        return name.endsWith("_sd") && known(name.substring(0, name.length() - "_sd".length()));
    }

    /** The valid names, for a message: the fixed ones, then the forms with a class, feature or number. */
    public static String listed() {
        return String.join(", ", ALL) + "; NAME_sd after cross-validation; " + String.join(", ", PER_ITEM.stream().map(p -> p + "[CLASS]")
                .toList()).replace("mean_abs_shap[CLASS]", "mean_abs_shap[FEATURE]") + "; final_loss_N";
    }

    /** The known name closest to a misspelt one, or null. */
    public static String closest(String name) {
        return org.anneal.spec.Names.closest(name, ALL);
    }

    /** "'rsme' is not a metric Anneal computes (did you mean 'rmse'?)": the message for a name that is not {@link #known}. */
    public static String unknown(String name) {
        String near = name == null ? null : closest(name);
        return "'" + name + "' is not a metric Anneal computes" + (near == null ? "." : " (did you mean '" + near + "'?).");
    }
}
