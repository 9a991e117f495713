package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/**
 * Fold assignment for cross-validation. Fold sizes follow scikit-learn: k-fold gives the first n mod k folds one
 * extra row (as {@code KFold}); stratified deals the rows sorted by class round-robin, so each fold's class
 * counts equal {@code StratifiedKFold}'s; group places the largest group first into the fold with the fewest rows
 * (as {@code GroupKFold}). Unlike scikit-learn the rows are shuffled with the seed (groups of equal size too),
 * except for the "contiguous" strategy, which is {@code KFold(shuffle=False)}: consecutive blocks in row order.
 */
public final class Folds {
    private Folds() {
    }

    /** fold[i] = the fold row i is held out in. */
    public static int[] assign(Table t, FoldStrategy strategy, int k, long seed) {
        int n = t.rowCount();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] fold = new int[n];
        switch (strategy) {
            case LEAVE_ONE_OUT -> {
                for (int i = 0; i < n; i++) {
                    fold[i] = i;
                }
            }
            case CONTIGUOUS -> {
                int start = 0;
                for (int f = 0; f < k; f++) {
                    int size = n / k + (f < n % k ? 1 : 0);
                    for (int i = start; i < start + size; i++) {
                        fold[i] = f;
                    }
                    start += size;
                }
            }
            case STRATIFIED -> {
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
            case GROUP -> {
                Column g = t.columns().stream().filter(c -> c.role() == ColumnRole.GROUP).findFirst().orElseThrow();
                Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    byGroup.computeIfAbsent(g.text(i), x -> new ArrayList<>()).add(i);
                }
                if (byGroup.size() < k) {
                    throw new NodeFailure("There are " + byGroup.size() + " groups, fewer than the " + k + " folds.", "Use fewer folds.");
                }
                // shuffle, then a stable sort by size: the seed only decides between groups of equal size
                List<String> groups = shuffled(new ArrayList<>(byGroup.keySet()), rnd);
                groups.sort(Comparator.comparingInt((String s) -> byGroup.get(s).size()).reversed());
                long[] load = new long[k];
                for (String grp : groups) {
                    int lightest = 0;
                    for (int f = 1; f < k; f++) {
                        if (load[f] < load[lightest]) {
                            lightest = f;
                        }
                    }
                    load[lightest] += byGroup.get(grp).size();
                    for (int i : byGroup.get(grp)) {
                        fold[i] = lightest;
                    }
                }
            }
            case AUTO -> throw new IllegalArgumentException("AUTO is resolved by the node before folds are formed");
            case RANDOM -> {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rows.add(i);
                }
                List<Integer> order = shuffled(rows, rnd);
                for (int j = 0; j < n; j++) {
                    fold[order.get(j)] = j % k; // dealt round-robin: fold sizes as KFold (the first n mod k folds get one more row)
                }
            }
        }
        return fold;
    }

    /** The rows held out in fold {@code f} ({@code held}) or trained on, in row order. */
    public static int[] rows(int[] fold, int f, boolean held) {
        int c = 0;
        for (int x : fold) {
            if ((x == f) == held) {
                c++;
            }
        }
        int[] out = new int[c];
        int k = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == held) {
                out[k++] = i;
            }
        }
        return out;
    }

    static <T> List<T> shuffled(List<T> in, SplittableRandom rnd) {
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
