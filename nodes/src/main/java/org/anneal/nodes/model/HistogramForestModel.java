package org.anneal.nodes.model;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.NodeFailure;

/**
 * A fitted tree or forest from {@link HistogramForest}: regression averages the trees' leaf means; classification
 * averages their leaf class proportions (as scikit-learn does) and predicts the most probable class. A classifier
 * keeps a sample of its training rows ({@code lime}, null for regression) from which {@link #tribuoView()} gives
 * Tribuo's LIME the feature statistics it perturbs with.
 */
public record HistogramForestModel(String describe, Task task, String target, List<String> features, List<String> classes,
                                   List<HistogramTree> trees, Table lime) implements TrainedModel {
    public HistogramForestModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        trees = List.copyOf(trees);
    }

    @Override
    public double[] predict(Table data) {
        if (task == Task.REGRESSION) {
            double[][] cols = columns(data);
            double[] out = new double[data.rowCount()];
            for (HistogramTree t : trees) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += t.value()[t.leaf(cols, i)];
                }
            }
            for (int i = 0; i < out.length; i++) {
                out[i] /= trees.size();
            }
            return out;
        }
        return TrainedModel.classCodes(probabilities(data));
    }

    @Override
    public double[][] probabilities(Table data) {
        if (task != Task.CLASSIFICATION) {
            return null;
        }
        return probabilities(columns(data));
    }

    /** Class proportions averaged over the trees; {@code cols[f][row]} is the row's value of feature f. */
    double[][] probabilities(double[][] cols) {
        int k = classes.size();
        double[][] out = new double[cols.length == 0 ? 0 : cols[0].length][k];
        for (HistogramTree t : trees) {
            double[] v = t.value();
            for (int i = 0; i < out.length; i++) {
                int base = t.leaf(cols, i) * k;
                for (int c = 0; c < k; c++) {
                    out[i][c] += v[base + c];
                }
            }
        }
        for (double[] row : out) {
            for (int c = 0; c < k; c++) {
                row[c] /= trees.size();
            }
        }
        return out;
    }

    private double[][] columns(Table data) {
        double[][] cols = new double[features.size()][];
        for (int j = 0; j < cols.length; j++) {
            String name = features.get(j);
            if (data.column(name).isEmpty()) {
                throw new NodeFailure("The data has no column '" + name + "', which the model was trained on.",
                        "Predict on a table with the training features.");
            }
            cols[j] = data.numeric(name).values();
        }
        return cols;
    }

    /** This classifier as a Tribuo model, for Tribuo's LIME. */
    public org.tribuo.Model<org.tribuo.classification.Label> tribuoView() {
        if (task != Task.CLASSIFICATION) {
            throw new IllegalStateException("only a classifier has a Tribuo view");
        }
        return TribuoClassifierView.of(this, lime);
    }

    @Override
    /**
     * What a forest has instead of coefficients: its size (trees, mean leaves, mean depth) and, per feature, the share
     * of all splits made on it ("split share" — XGBoost's "weight" importance). A feature the trees never split on
     * did not matter to them; a frequent one did, though the share ignores how much each split gained (permutation
     * importance measures that on held-out rows).
     */
    public Map<String, Double> parameters() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        double leaves = 0;
        double depth = 0;
        double[] splits = new double[features.size()];
        double total = 0;
        for (HistogramTree t : trees) {
            int[] level = new int[t.nodeCount()];
            int deepest = 0;
            for (int node = 0; node < t.nodeCount(); node++) {
                int f = t.feature()[node];
                if (f < 0) {
                    leaves++;
                    deepest = Math.max(deepest, level[node]);
                } else {
                    splits[f]++;
                    total++;
                    level[t.left()[node]] = level[node] + 1; // children are stored after their parent
                    level[t.right()[node]] = level[node] + 1;
                }
            }
            depth += deepest;
        }
        out.put("trees", (double) trees.size());
        out.put("mean leaves per tree", leaves / trees.size());
        out.put("mean depth", depth / trees.size());
        for (int f = 0; f < splits.length; f++) {
            out.put("split share: " + features.get(f), total == 0 ? 0 : splits[f] / total);
        }
        return out;
    }
}
