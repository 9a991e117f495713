package org.anneal.nodes.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anneal.data.Table;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.provenance.ModelProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * A {@link HistogramForestModel} classifier seen as a Tribuo model, so that Tribuo's LIME (explain.lime) can perturb
 * and query it as it did the Tribuo forests. LIME draws its perturbations from the feature statistics of the model's
 * feature map; those come from the training rows the forest kept as a sample. Feature map, label set and provenance
 * are borrowed from a most-frequent-class baseline trained on that sample: Tribuo builds them consistently, and
 * constructing a ModelProvenance by hand would copy its internals. Features absent from an example count as 0, as
 * Tribuo's sparse examples mean.
 */
final class TribuoClassifierView extends Model<Label> {
    private static final long serialVersionUID = 1L;
    private final transient HistogramForestModel forest;

    private TribuoClassifierView(HistogramForestModel forest, Model<Label> baseline) {
        super(forest.describe(), baseline.getProvenance(), baseline.getFeatureIDMap(), baseline.getOutputIDInfo(), true);
        this.forest = forest;
    }

    static TribuoClassifierView of(HistogramForestModel forest, Table trainingSample) {
        MutableDataset<Label> ds = TribuoTables.classification(trainingSample, forest.features(), forest.target());
        return new TribuoClassifierView(forest, DummyClassifierTrainer.createMostFrequentTrainer().train(ds));
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        List<String> names = forest.features();
        double[][] cols = new double[names.size()][1];
        int used = 0;
        for (Feature f : example) {
            int j = names.indexOf(f.getName());
            if (j >= 0) {
                cols[j][0] = f.getValue();
                used++;
            }
        }
        double[] p = forest.probabilities(cols)[0];
        List<String> classes = forest.classes();
        Map<String, Label> scores = new HashMap<>();
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            scores.put(classes.get(k), new Label(classes.get(k), p[k]));
            best = p[k] > p[best] ? k : best;
        }
        return new Prediction<>(new Label(classes.get(best), p[best]), scores, used, example, true);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        return new TribuoClassifierView(forest, this);
    }
}
