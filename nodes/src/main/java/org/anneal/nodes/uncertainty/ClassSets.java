package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/** The arithmetic of conformal prediction sets for classifiers, apart from the node so tests can check it by hand. */
final class ClassSets {
    private ClassSets() {
    }

    /** Each row's true class as an index into the model's classes (matched by name, not by code). */
    static int[] truth(Table t, String target, List<String> classes) {
        CategoricalColumn y = (CategoricalColumn) t.column(target).orElseThrow();
        int[] out = new int[y.size()];
        for (int i = 0; i < out.length; i++) {
            String level = y.get(i);
            out[i] = level == null ? -1 : classes.indexOf(level);
            if (out[i] < 0) {
                throw new NodeFailure("Row " + (i + 1) + " has class '" + level + "', which the model never saw in training.",
                        "Stratify the split so every class reaches the training rows, or drop rows without a class.");
            }
        }
        return out;
    }

    /** The nonconformity score 1 − p(true class) of each row. */
    static double[] scores(double[][] prob, int[] truth) {
        double[] s = new double[truth.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 - prob[i][truth[i]];
        }
        return s;
    }

    /** The set of each row: the classes whose score 1 − p stays at or below q. */
    static boolean[][] sets(double[][] prob, double q) {
        boolean[][] out = new boolean[prob.length][];
        for (int i = 0; i < prob.length; i++) {
            out[i] = new boolean[prob[i].length];
            for (int c = 0; c < prob[i].length; c++) {
                out[i][c] = 1 - prob[i][c] <= q;
            }
        }
        return out;
    }

    /** coverage, mean_set_size, singletons, empty_sets and the accuracy of the most probable class. */
    static Map<String, Double> summary(boolean[][] sets, double[][] prob, int[] truth) {
        int n = truth.length;
        double covered = 0;
        double size = 0;
        double singletons = 0;
        double empty = 0;
        double correct = 0;
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (boolean in : sets[i]) {
                k += in ? 1 : 0;
            }
            covered += sets[i][truth[i]] ? 1 : 0;
            size += k;
            singletons += k == 1 ? 1 : 0;
            empty += k == 0 ? 1 : 0;
            correct += argmax(prob[i]) == truth[i] ? 1 : 0;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("coverage", covered / n);
        m.put("mean_set_size", size / n);
        m.put("singletons", singletons / n);
        m.put("empty_sets", empty / n);
        m.put("accuracy", correct / n);
        return m;
    }

    static Table withSets(Table test, boolean[][] sets, double[][] prob, List<String> classes) {
        int n = sets.length;
        int[] best = new int[n];
        int[] setCodes = new int[n];
        double[] sizes = new double[n];
        List<String> setLevels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            best[i] = argmax(prob[i]);
            List<String> members = new ArrayList<>();
            for (int c = 0; c < sets[i].length; c++) {
                if (sets[i][c]) {
                    members.add(classes.get(c));
                }
            }
            String text = "{" + String.join(", ", members) + "}";
            int code = setLevels.indexOf(text);
            if (code < 0) {
                setLevels.add(text);
                code = setLevels.size() - 1;
            }
            setCodes[i] = code;
            sizes[i] = members.size();
        }
        return test.with(new CategoricalColumn("prediction", ColumnRole.PREDICTION, best, classes))
                .with(new CategoricalColumn("prediction_set", ColumnRole.PREDICTION, setCodes, setLevels))
                .with(new NumericColumn("set_size", ColumnRole.PREDICTION, sizes));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }
}
