package org.anneal.nodes.evaluate;

import org.anneal.spec.Task;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.TableSpec;

/** The configure-time checks every node that scores a model on rows shares. */
final class ScoringSpecs {
    private ScoringSpecs() {
    }

    /**
     * Checks the model's task, that the scored rows hold its target (of the right type) and every feature, and
     * that the prediction column is a new name; returns the predictions table spec.
     */
    static TableSpec predictions(ModelSpec model, TableSpec data, Task expected, String predictionColumn) throws ConfigError {
        Task task = model.task();
        if (task != expected) {
            throw ConfigError.atPort("model", "This model is a " + task.key() + " model; these metrics need a " + expected.key() + " model.",
                    "Use the " + task.key() + " metrics node instead.");
        }
        ColumnType targetType = expected == Task.REGRESSION ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        String target = model.target();
        ColumnSpec t = data.requireColumn(target, "");
        if (t.type() != targetType) {
            throw ConfigError.atPort("data", "Column '" + target + "' in the scored rows is not " + (targetType == ColumnType.NUMERIC
                    ? "numeric" : "categorical") + ".", "Score rows from the same source as the training rows.");
        }
        return predicted(model, data, predictionColumn);
    }

    /**
     * Refuses a per-pixel classifier where every row is scored by one number (cross-validation, tuning, learning and
     * validation curves): its predictions are masks, scored by evaluate.segmentation.
     */
    static void requireOneValuePerRow(org.anneal.spec.LearnerSpec learner, String port) throws ConfigError {
        if (learner.task() == Task.SEGMENTATION) {
            throw ConfigError.atPort(port, "This learner predicts a mask for every image (per-pixel classification); this node scores one "
                    + "value per row.", "Split the rows, fit with train.fit, predict the test rows with evaluate.predict and score the "
                    + "masks with evaluate.segmentation.");
        }
    }

    /**
     * Checks that {@code data} holds every feature of the model with the type it was trained on and that the prediction
     * column is a new name; returns the rows with the prediction column, as predicted by the model.
     */
    static TableSpec predicted(ModelSpec model, TableSpec data, String predictionColumn) throws ConfigError {
        model.requireFeaturesIn(data, "data");
        if (predictionColumn.isBlank() || data.column(predictionColumn).isPresent()) {
            throw ConfigError.atParam("predictionColumn", "The prediction column needs a new, non-empty name.", "Pick a name not already in the table.");
        }
        ColumnType type = model.task() == Task.REGRESSION ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        ColumnSpec predicted = model.task() == Task.SEGMENTATION ? maskSpec(model, data, predictionColumn)
                : new ColumnSpec(predictionColumn, type, ColumnRole.PREDICTION);
        return data.plus(predicted).withLineage(data.lineage().fittedWith(model.lineage()));
    }

    /** A per-pixel classifier's masks: as large as the true masks when the rows hold them, else as the image it reads. */
    private static ColumnSpec maskSpec(ModelSpec model, TableSpec data, String name) {
        ColumnSpec like = data.column(model.target()).filter(ColumnSpec::isTensor).orElseGet(() -> data.column(model.features().get(0)).orElseThrow());
        int[] d = like.shape().dims();
        return ColumnSpec.tensor(name, ColumnRole.PREDICTION, org.anneal.spec.Shape.image(d[0], d[1], 1), "");
    }
}
