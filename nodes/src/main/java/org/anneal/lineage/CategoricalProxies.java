package org.anneal.lineage;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;

/**
 * D8 for a class target (issue 16, family 5): the two shapes {@link ContentProxies} finds for a numeric target, written for
 * classes. A category each of whose values goes with one class only (a sample code that spells the class, "BWF-1",
 * "BWF-2" for building-window float glass; or the classes under other names), and a number equal, value by value, to the
 * share of one class among the rows that share it (a per-group class rate joined back onto the rows).
 */
final class CategoricalProxies {
    /** Values of the feature seen once say nothing about purity; at least this share of rows must sit in repeated values. */
    static final double MIN_REPEATED_SHARE = 0.9;
    /** More values than this (or than a quarter of the rows) make the feature an id, which memorises rather than leaks. */
    static final int MAX_LEVELS = 50;

    private CategoricalProxies() {
    }

    /** Every repeated value of {@code k} goes with a single class of {@code t}, over at least two classes; or null. */
    static String relabels(CategoricalColumn k, CategoricalColumn t) {
        if (k.missingCount() > 0) {
            return null;
        }
        int levels = k.levels().size();
        int[] rows = new int[levels];
        int[] classOf = new int[levels];
        java.util.Arrays.fill(classOf, -1);
        for (int i = 0; i < k.size(); i++) {
            int v = k.codes()[i];
            int c = t.codes()[i];
            rows[v]++;
            if (classOf[v] == -1) {
                classOf[v] = c;
            } else if (classOf[v] != c) {
                classOf[v] = -2; // two classes share this value: not a relabelling
            }
        }
        int used = 0;
        int repeatedRows = 0;
        java.util.BitSet classes = new java.util.BitSet();
        List<String> examples = new ArrayList<>();
        for (int v = 0; v < levels; v++) {
            if (rows[v] == 0) {
                continue;
            }
            used++;
            if (rows[v] < 2) {
                continue;
            }
            if (classOf[v] == -2) {
                return null;
            }
            repeatedRows += rows[v];
            if (!classes.get(classOf[v]) && examples.size() < 4) { // one example per class says more than four of one
                examples.add("'" + k.levels().get(v) + "' → '" + t.levels().get(classOf[v]) + "'");
            }
            classes.set(classOf[v]);
        }
        if (used < 2 || classes.cardinality() < 2 || used > Math.min(MAX_LEVELS, k.size() / 4)
                || repeatedRows < MIN_REPEATED_SHARE * k.size()) {
            return null;
        }
        String shape = used == classes.cardinality() ? "names the classes of the target '" + t.name() + "' under other names"
                : "splits the classes of the target '" + t.name() + "' into " + used + " codes, each within one class";
        return shape + " (" + String.join(", ", examples) + (used > examples.size() ? ", …" : "") + "): every row's value gives its class";
    }

    /** Equal, value by value, to the share of one class among the rows that share the value; or null. */
    static String classShare(NumericColumn x, CategoricalColumn t) {
        int[] codes = t.codes();
        for (int c = 0; c < Math.min(t.levels().size(), 20); c++) {
            double[] isClass = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                isClass[i] = codes[i] == c ? 1 : 0;
            }
            String why = ContentProxies.groupMean(x, isClass, "the share of class '" + t.levels().get(c) + "' in the target '" + t.name() + "'");
            if (why != null) {
                return why;
            }
        }
        return null;
    }
}
