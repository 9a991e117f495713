package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/** Fold assignment for cross-validation: random, stratified by class, by group, or leave-one-out. */
final class Folds {
    private Folds() {
    }

    /** fold[i] = the fold row i is held out in. */
    static int[] assign(Table t, String strategy, int k, long seed) {
        int n = t.rowCount();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] fold = new int[n];
        switch (strategy) {
            case "leave-one-out" -> {
                for (int i = 0; i < n; i++) {
                    fold[i] = i;
                }
            }
            case "stratified" -> {
                CategoricalColumn y = (CategoricalColumn) t.target().orElseThrow();
                Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    byClass.computeIfAbsent(y.codes()[i], c -> new ArrayList<>()).add(i);
                }
                int next = 0;
                for (List<Integer> rows : byClass.values()) {
                    for (int i : shuffled(rows, rnd)) {
                        fold[i] = next++ % k; // dealing round-robin keeps each class's share in every fold
                    }
                }
            }
            case "group" -> {
                Column g = t.columns().stream().filter(c -> c.role() == ColumnRole.GROUP).findFirst().orElseThrow();
                Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    byGroup.computeIfAbsent(g.text(i), x -> new ArrayList<>()).add(i);
                }
                if (byGroup.size() < k) {
                    throw new NodeFailure("There are " + byGroup.size() + " groups, fewer than the " + k + " folds.", "Use fewer folds.");
                }
                List<String> groups = shuffled(new ArrayList<>(byGroup.keySet()), rnd);
                for (int j = 0; j < groups.size(); j++) {
                    for (int i : byGroup.get(groups.get(j))) {
                        fold[i] = j % k;
                    }
                }
            }
            default -> {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rows.add(i);
                }
                List<Integer> order = shuffled(rows, rnd);
                for (int j = 0; j < n; j++) {
                    fold[order.get(j)] = j % k;
                }
            }
        }
        return fold;
    }

    private static <T> List<T> shuffled(List<T> in, SplittableRandom rnd) {
        List<T> s = new ArrayList<>(in);
        for (int i = s.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T tmp = s.get(i);
            s.set(i, s.get(j));
            s.set(j, tmp);
        }
        return s;
    }
}
