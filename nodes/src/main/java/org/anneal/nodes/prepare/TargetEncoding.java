package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.NodeFailure;

/**
 * Mean target per category, shrunk towards the overall mean: {@code (n·mean_c + m·mean) / (n + m)} for a category seen
 * {@code n} times, with smoothing {@code m}. Categories never seen while fitting (and missing cells) get the overall mean.
 * Learnt by {@link #fit} on training rows only; {@link #apply} replaces each categorical column by a numeric one of the
 * same name and role. Kept apart from the node so a fold-local pipeline step can fit it inside cross-validation.
 *
 * @param encodings column → category → encoded value
 */
public record TargetEncoding(List<String> columns, Map<String, Map<String, Double>> encodings, double overallMean, double smoothing)
        implements FittedTransform {

    public TargetEncoding {
        columns = List.copyOf(columns);
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        encodings.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        encodings = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Learns the encodings of {@code columns} from the target of {@code fit}: a numeric target's mean, or for a two-class target
     * the share of {@code positiveClass} (empty = the second category of the target column).
     */
    public static TargetEncoding fit(Table fit, List<String> columns, double smoothing, String positiveClass) {
        Column target = fit.target().orElseThrow(() -> new NodeFailure("The fit rows have no target column.",
                "Set the 'target' parameter of the data source."));
        double[] y = targetValues(target, positiveClass);
        double sum = 0;
        int n = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            throw new NodeFailure("The target '" + target.name() + "' has no values in the fit rows.", "Check the rows wired to 'fit'.");
        }
        double overall = sum / n;
        Map<String, Map<String, Double>> enc = new LinkedHashMap<>();
        for (String name : columns) {
            CategoricalColumn c = (CategoricalColumn) fit.column(name).orElseThrow();
            double[] sums = new double[c.levels().size()];
            int[] counts = new int[c.levels().size()];
            for (int i = 0; i < c.size(); i++) {
                if (c.codes()[i] >= 0 && !Double.isNaN(y[i])) {
                    sums[c.codes()[i]] += y[i];
                    counts[c.codes()[i]]++;
                }
            }
            Map<String, Double> m = new HashMap<>();
            for (int k = 0; k < sums.length; k++) {
                if (counts[k] > 0) {
                    m.put(c.levels().get(k), (sums[k] + smoothing * overall) / (counts[k] + smoothing));
                }
            }
            enc.put(name, m);
        }
        return new TargetEncoding(columns, enc, overall, smoothing);
    }

    private static double[] targetValues(Column target, String positiveClass) {
        if (target instanceof NumericColumn y) {
            return y.values();
        }
        CategoricalColumn y = (CategoricalColumn) target;
        if (y.levels().size() != 2) {
            throw new NodeFailure("Target encoding needs a numeric target or one with two classes; '" + y.name() + "' has "
                    + y.levels().size() + " (" + String.join(", ", y.levels()) + ").",
                    "Use One-hot encoding for this column instead, or predict a two-class outcome.");
        }
        String positive = positiveClass.isEmpty() ? y.levels().get(1) : positiveClass;
        int code = y.levels().indexOf(positive);
        if (code < 0) {
            throw new NodeFailure("The target '" + y.name() + "' has no class '" + positive + "'.",
                    "Set 'positiveClass' to one of: " + String.join(", ", y.levels()) + ".");
        }
        double[] v = new double[y.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = y.codes()[i] < 0 ? Double.NaN : y.codes()[i] == code ? 1 : 0;
        }
        return v;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add(c + ": " + encodings.get(c).size() + " categories");
        }
        return String.format(java.util.Locale.ROOT, "Target encoding (smoothing %.3g, overall mean %.4g) of %s", smoothing, overallMean,
                String.join("; ", parts));
    }

    @Override
    public Table apply(Table data) {
        Table out = data;
        for (String name : columns) {
            Column col = data.column(name).orElseThrow(() -> new NodeFailure("The rows lack the column '" + name + "' the encoding was fitted on.",
                    "Apply the encoding to a table with the same columns as the one it was fitted on."));
            if (!(col instanceof CategoricalColumn c)) {
                throw new NodeFailure("Column '" + name + "' is not categorical here.", "Apply the encoding to the rows before any other encoding.");
            }
            Map<String, Double> m = encodings.get(name);
            double[] v = new double[c.size()];
            for (int i = 0; i < v.length; i++) {
                String level = c.get(i);
                v[i] = level == null ? overallMean : m.getOrDefault(level, overallMean);
            }
            out = out.with(new NumericColumn(name, c.role(), v));
        }
        return out;
    }
}
