package org.anneal.nodes.model;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.neighbour.NeighboursQuery;
import org.tribuo.math.neighbour.bruteforce.NeighboursBruteForceFactory;

/**
 * The training rows of a k-nearest-neighbour model. Neighbours come from Tribuo's brute-force neighbour search (the
 * one its KNNModel uses); the weighting is done here because Tribuo's KNN combiners never see the distances, so
 * Tribuo offers no distance-weighted neighbours.
 *
 * @param targets the numeric target, or the class index per row for a classifier
 */
public record KnnModel(String describe, Task task, String target, List<String> features, List<String> classes, double[][] rows,
                       double[] targets, int k, KnnLearner.Distance distance, KnnLearner.Weighting weighting) implements TrainedModel {
    public KnnModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        rows = copy;
        targets = targets.clone();
    }

    private NeighboursQuery search() {
        SGDVector[] data = new SGDVector[rows.length];
        for (int i = 0; i < rows.length; i++) {
            data[i] = DenseVector.createDenseVector(rows[i]);
        }
        DistanceType type = distance == KnnLearner.Distance.MANHATTAN ? DistanceType.L1 : DistanceType.L2;
        return new NeighboursBruteForceFactory(type.getDistance(), 1).createNeighboursQuery(data);
    }

    /** Per data row: weight per class (classifier) or the single weighted mean (regression, in [0]). */
    private double[][] combine(Table data) {
        NeighboursQuery q = search();
        double[][] cols = new double[features.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = data.numeric(features.get(j)).values();
        }
        double[][] out = new double[data.rowCount()][];
        double[] point = new double[cols.length];
        for (int i = 0; i < out.length; i++) {
            if ((i & 63) == 0) {
                Cancellable.checkInterrupted(); // each row is a search over every training row: stop promptly on cancellation
            }
            for (int j = 0; j < cols.length; j++) {
                point[j] = cols[j][i];
            }
            List<Pair<Integer, Double>> near = q.query(DenseVector.createDenseVector(point), k);
            double[] w = weights(near);
            if (task == Task.REGRESSION) {
                double s = 0;
                double total = 0;
                for (int m = 0; m < near.size(); m++) {
                    s += w[m] * targets[near.get(m).getA()];
                    total += w[m];
                }
                out[i] = new double[] {s / total};
            } else {
                double[] votes = new double[classes.size()];
                double total = 0;
                for (int m = 0; m < near.size(); m++) {
                    votes[(int) targets[near.get(m).getA()]] += w[m];
                    total += w[m];
                }
                for (int c = 0; c < votes.length; c++) {
                    votes[c] /= total;
                }
                out[i] = votes;
            }
        }
        return out;
    }

    /** Uniform, or 1/distance; a neighbour at distance 0 is the answer itself, so exact matches take all the weight. */
    private double[] weights(List<Pair<Integer, Double>> near) {
        double[] w = new double[near.size()];
        boolean exact = weighting == KnnLearner.Weighting.DISTANCE && near.stream().anyMatch(p -> p.getB() == 0);
        for (int m = 0; m < w.length; m++) {
            double d = near.get(m).getB();
            w[m] = weighting == KnnLearner.Weighting.UNIFORM ? 1 : exact ? (d == 0 ? 1 : 0) : 1 / d;
        }
        return w;
    }

    @Override
    public double[] predict(Table data) {
        double[][] c = combine(data);
        if (task == Task.CLASSIFICATION) {
            return TrainedModel.classCodes(c);
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i][0];
        }
        return out;
    }

    /** The (weighted) share of the neighbours in each class. */
    @Override
    public double[][] probabilities(Table data) {
        return task == Task.CLASSIFICATION ? combine(data) : null;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }
}
