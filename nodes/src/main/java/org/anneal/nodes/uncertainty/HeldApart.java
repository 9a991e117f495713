package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.InPort;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * The wiring rule of the blocks that fit on `train`, calibrate on `calibration` and report on `test`: the test rows
 * must come from a side of a split that neither of the others comes from, or the numbers reported on them are
 * optimistic. Checked at configure time, so the wrong wire is named before anything runs.
 */
final class HeldApart {
    private HeldApart() {
    }

    /** Refuses, at the test port, test rows that are unsplit or share a side with the train or calibration rows. */
    static void check(Specs in, InPort<Table> train, InPort<Table> calibration, InPort<Table> test, String what) throws ConfigError {
        List<Partition> used = new ArrayList<>(List.of(in.table(train).lineage().partition()));
        if (in.has(calibration)) {
            used.add(in.table(calibration).lineage().partition());
        }
        Partition testSide = in.table(test).lineage().partition();
        if (testSide.side() == Partition.Side.ALL || used.contains(testSide)) {
            throw ConfigError.atPort(test.name(), "The test rows are not held apart from the rows that fit or calibrate the " + what + " ("
                    + testSide + "), so the numbers reported on them would be optimistic.",
                    "Split the data first and connect 'test' to a side that neither 'train' nor 'calibration' comes from.");
        }
    }

    /** The categorical target of the table on {@code port}. */
    static void requireCategoricalTarget(TableSpec t, String port, String need, String fix) throws ConfigError {
        ColumnSpec target = t.requireTarget(port);
        if (target.type() != ColumnType.CATEGORICAL) {
            throw ConfigError.atPort(port, "The target '" + target.name() + "' holds numbers; " + need + " need classes.", fix);
        }
    }

    /** A classifier fitted on the training rows, with the rows it is calibrated on and their probabilities. */
    record CalibratedClassifier(TrainedModel model, Table calibration, double[][] calibrationProbabilities, String target) {
    }

    /**
     * Fits the learner on `train` (less a seeded {@code share} held back for calibration when `calibration` is not
     * wired) and scores the calibration rows; refuses empty test rows and a classifier without probabilities, saying
     * what the probabilities were {@code neededFor}.
     */
    static CalibratedClassifier fitClassifier(Inputs in, InPort<Learner> learner, InPort<Table> train, InPort<Table> calibration, InPort<Table> test,
                                              double share, ExecContext ctx, String neededFor) {
        Table fit = in.get(train);
        String target = fit.target().map(Column::name).orElseThrow();
        List<String> features = fit.features().stream().map(Column::name).toList();
        if (in.get(test).rowCount() == 0) {
            throw new NodeFailure("There are no test rows to report on.", "Check the split and filters upstream.");
        }
        Table cal = in.get(calibration);
        if (cal == null) {
            Table[] parts = ConformalNode.holdBack(fit, share, ctx.seed());
            fit = parts[0];
            cal = parts[1];
        }
        TrainedModel model = in.get(learner).fit(fit, features, target, ctx);
        double[][] prob = model.probabilities(cal);
        if (prob == null) {
            throw new NodeFailure(model.describe() + " gives no class probabilities, which " + neededFor + ".",
                    "Use a probabilistic classifier (model.logistic, model.random-forest, model.xgboost, model.gaussian-process-classifier, "
                            + "a network with log loss).");
        }
        return new CalibratedClassifier(model, cal, prob, target);
    }
}
