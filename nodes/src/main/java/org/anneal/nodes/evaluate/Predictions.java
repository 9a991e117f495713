package org.anneal.nodes.evaluate;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/**
 * Builds a predictions table: the scored rows plus the model's prediction, its standard deviation when the model
 * knows it ({@code <prediction>_sd}) and one probability column per class for probabilistic classifiers
 * ({@code p_<class>}). Plot nodes read these columns by name.
 */
public final class Predictions {
    /** Prefix of the per-class probability columns. */
    public static final String PROBABILITY_PREFIX = "p_";
    /** Suffix of the predictive standard deviation column. */
    public static final String SD_SUFFIX = "_sd";
    /** Suffixes of the bounds of a model's own interval (quantile regression), as conformal intervals name theirs. */
    public static final String LOW_SUFFIX = "_low";
    public static final String HIGH_SUFFIX = "_high";

    private Predictions() {
    }

    /** Name of the probability column of {@code cls}. */
    public static String probabilityColumn(String cls) {
        return PROBABILITY_PREFIX + cls;
    }

    /** Refuses rows the model cannot predict: a feature with missing values. */
    static void requireComplete(TrainedModel model, Table data) {
        for (String f : model.features()) {
            var c = data.column(f).orElseThrow(() -> new NodeFailure("The rows lack the feature '" + f + "' the model was trained with.",
                    "Prepare these rows the same way as the training rows."));
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    throw new NodeFailure("Feature '" + f + "' is missing in row " + (i + 1) + " of the rows to predict.",
                            "Fill (prepare.impute) or drop (prepare.drop-missing) missing values before predicting.");
                }
            }
        }
    }

    /** The rows of {@code data} with prediction, standard deviation and probability columns appended. */
    public static Table of(TrainedModel model, Table data, String predictionColumn) {
        requireComplete(model, data);
        if (model instanceof org.anneal.ml.MaskModel masks && model.task() == Task.SEGMENTATION) { // a mask per row
            int[] hw = masks.maskSize();
            return data.with(new org.anneal.data.TensorColumn(predictionColumn, ColumnRole.PREDICTION, org.anneal.spec.Shape.image(hw[0], hw[1], 1),
                    masks.masks(data), new boolean[data.rowCount()], ""));
        }
        double[] pred = model.predict(data);
        Table out;
        if (model.task() == Task.REGRESSION) {
            out = data.with(new NumericColumn(predictionColumn, ColumnRole.PREDICTION, pred));
        } else {
            int[] codes = new int[pred.length];
            for (int i = 0; i < pred.length; i++) {
                codes[i] = (int) pred[i];
            }
            out = data.with(new CategoricalColumn(predictionColumn, ColumnRole.PREDICTION, codes, model.classes()));
        }
        double[] sd = model.predictionStd(data);
        if (sd != null) {
            out = out.with(new NumericColumn(predictionColumn + SD_SUFFIX, ColumnRole.PREDICTION, sd));
        }
        if (model instanceof org.anneal.ml.IntervalModel im) {
            double[][] interval = im.interval(data);
            out = out.with(new NumericColumn(predictionColumn + LOW_SUFFIX, ColumnRole.PREDICTION, interval[0]))
                    .with(new NumericColumn(predictionColumn + HIGH_SUFFIX, ColumnRole.PREDICTION, interval[1]));
        }
        double[][] prob = model.probabilities(data);
        if (prob != null) {
            List<String> classes = model.classes();
            for (int c = 0; c < classes.size(); c++) {
                double[] col = new double[prob.length];
                for (int i = 0; i < col.length; i++) {
                    col[i] = prob[i][c];
                }
                out = out.with(new NumericColumn(probabilityColumn(classes.get(c)), ColumnRole.PREDICTION, col));
            }
        }
        return out;
    }
}
