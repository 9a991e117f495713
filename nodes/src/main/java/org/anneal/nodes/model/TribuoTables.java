package org.anneal.nodes.model;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Turns Anneal tables into Tribuo examples: the one bridge every Tribuo-backed learner uses. */
public final class TribuoTables {
    private static final RegressionFactory REGRESSION = new RegressionFactory();
    private static final LabelFactory LABELS = new LabelFactory();

    private TribuoTables() {
    }

    /** Training examples: numeric features (callers checked completeness) and the numeric target. */
    public static MutableDataset<Regressor> regression(Table t, List<String> features, String target) {
        MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("Anneal table", REGRESSION), REGRESSION);
        double[] y = t.numeric(target).values();
        List<Example<Regressor>> examples = examples(t, features, i -> new Regressor(target, y[i]));
        ds.addAll(examples);
        return ds;
    }

    /** Examples to predict; the output is a placeholder Tribuo requires but never reads. */
    public static List<Example<Regressor>> unlabelled(Table t, List<String> features) {
        return examples(t, features, i -> REGRESSION.getUnknownOutput());
    }

    /** Training examples for a classifier: the categorical target's level names become Tribuo labels. */
    public static MutableDataset<Label> classification(Table t, List<String> features, String target) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("Anneal table", LABELS), LABELS);
        CategoricalColumn y = (CategoricalColumn) t.column(target).orElseThrow();
        ds.addAll(examples(t, features, i -> new Label(y.get(i))));
        return ds;
    }

    public static List<Example<Label>> unlabelledForClassifier(Table t, List<String> features) {
        return examples(t, features, i -> LABELS.getUnknownOutput());
    }

    private static <T extends org.tribuo.Output<T>> List<Example<T>> examples(Table t, List<String> features, java.util.function.IntFunction<T> output) {
        String[] names = features.toArray(String[]::new);
        double[][] cols = new double[names.length][];
        for (int j = 0; j < names.length; j++) {
            cols[j] = t.numeric(names[j]).values();
        }
        List<Example<T>> out = new ArrayList<>(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            double[] v = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                v[j] = cols[j][i];
            }
            out.add(new ArrayExample<>(output.apply(i), names, v));
        }
        return out;
    }
}
