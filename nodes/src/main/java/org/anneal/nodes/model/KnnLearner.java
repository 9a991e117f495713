package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.Choices;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;

/**
 * k nearest neighbours. "Training" keeps a copy of the rows; prediction finds the k closest with Tribuo's neighbour
 * search and averages (regression) or votes (classification), uniformly or weighted by 1/distance.
 *
 * @param distance  how far apart two rows are
 * @param weighting how much each neighbour counts
 */
public record KnnLearner(Task task, int k, Distance distance, Weighting weighting) implements Learner {

    /** Stored as "euclidean" or "manhattan". */
    public enum Distance { EUCLIDEAN, MANHATTAN }

    /** Stored as "uniform" or "distance" (1/distance). */
    public enum Weighting { UNIFORM, DISTANCE }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "k nearest neighbours (%s, k = %d, %s distance, %s weights)", task.key(), k,
                Choices.name(distance), Choices.name(weighting));
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        int n = train.rowCount();
        if (n < k) {
            throw new NodeFailure("k = " + k + " neighbours were asked for, but there are only " + n + " training rows.",
                    "Lower k to at most " + n + ", or train on more rows.");
        }
        double[][] rows = TrainingRows.matrix(train, features);
        Column y = TrainingRows.completeTarget(train, target);
        ctx.checkCancelled();
        if (task == Task.REGRESSION) {
            return new KnnModel(describe(), task, target, features, List.of(), rows, train.numeric(target).values(), k, distance, weighting);
        }
        CategoricalColumn c = (CategoricalColumn) y;
        double[] codes = java.util.Arrays.stream(c.codes()).asDoubleStream().toArray();
        return new KnnModel(describe(), task, target, features, c.levels(), rows, codes, k, distance, weighting);
    }
}
