package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.HistogramForestModel;
import org.anneal.nodes.model.TribuoClassifierModel;
import org.anneal.nodes.model.TribuoTables;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;
import org.tribuo.classification.explanations.lime.LIMEBase;
import org.tribuo.classification.explanations.lime.LIMEExplanation;
import org.tribuo.regression.slm.LARSLassoTrainer;

@NodeType(id = "explain.lime", title = "LIME", phase = Phase.EVALUATE, role = LeakageRole.APPLY,
        doc = """
                Local explanation of single predictions of a classifier (Ribeiro et al. 2016, Tribuo's LIMEBase): samples \
                `samples` points around each row (from the feature distributions the model was trained on), asks the model for \
                their class probabilities, and fits a sparse linear model (LARS-lasso, at most `maxFeatures` features) \
                weighted by closeness to the row. Its weights say how the probability of `outputClass` changes with each \
                feature near that row; `lime_r2` says how well the straight-line surrogate fits there (a low value means the \
                explanation is not to be trusted). Tribuo's LIME explains Tribuo classifiers (logistic regression, SVM, \
                XGBoost) and Anneal's decision tree, random forest and extra trees (through a Tribuo view that draws the \
                feature distributions from up to 5,000 training rows the model keeps); for regression models, or to split a \
                prediction exactly into feature shares, use explain.shap, which works with every model.""")
public final class LimeNode implements Node<LimeNode.Params> {

    public record Params(
            @Param(doc = "Explain at most this many rows of 'data' (the first ones)", def = "20", min = 1, max = 10000) int rows,
            @Param(doc = "Points sampled around each row", def = "1000", min = 50, max = 100000) int samples,
            @Param(doc = "Most features the surrogate may use; 0 = all", def = "0", min = 0, max = 1000) int maxFeatures,
            @Param(doc = "The class whose probability is explained; empty = the second class", def = "\"\"") String outputClass) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted Tribuo classifier");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to explain");
    static final OutPort<Table> WEIGHTS = OutPort.of("weights", DataKind.TABLE, Table.class,
            "The explained rows with one `lime_<feature>` weight each and the surrogate's `lime_r2`");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "The first row's local weights as bars");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        if (model.task() != Task.CLASSIFICATION) {
            throw ConfigError.atPort("model", "LIME here explains classifiers only (Tribuo's implementation predicts class probabilities).",
                    "Use explain.shap for a regression model.");
        }
        TableSpec data = in.table(DATA);
        ModelOutput.requireFeatures(model, data, DATA.name());
        TableSpec out = data;
        for (String f : model.features()) {
            out = out.plus(new ColumnSpec("lime_" + f, ColumnType.NUMERIC, ColumnRole.IGNORE));
        }
        out = out.plus(new ColumnSpec("lime_r2", ColumnType.NUMERIC, ColumnRole.IGNORE)).withLineage(data.lineage().fittedWith(model.lineage()));
        return Specs.of(WEIGHTS, out, PLOT, ValueSpec.of(DataKind.PLOT, out.lineage()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        org.tribuo.Model<org.tribuo.classification.Label> tribuo;
        if (model instanceof TribuoClassifierModel t) {
            tribuo = t.model();
        } else if (model instanceof HistogramForestModel forest) {
            tribuo = forest.tribuoView();
        } else {
            throw new NodeFailure("LIME needs a Tribuo classifier or a tree / forest, but this model is " + model.describe() + ".",
                    "Use explain.shap, which explains any model.");
        }
        Table data = in.get(DATA);
        if (data.rowCount() == 0) {
            throw new NodeFailure("There are no rows to explain.", "Check the wiring and the split.");
        }
        String cls = ModelOutput.of(model, p.outputClass()).describeClass();
        int n = Math.min(p.rows(), data.rowCount());
        Table explained = data.rows(java.util.stream.IntStream.range(0, n).toArray());
        ModelOutput.features(model, explained, DATA.name()); // refuses missing values
        List<String> features = model.features();
        LARSLassoTrainer surrogate = p.maxFeatures() == 0 ? new LARSLassoTrainer(features.size()) : new LARSLassoTrainer(p.maxFeatures());
        LIMEBase lime = new LIMEBase(new SplittableRandom(ctx.seed()), tribuo, surrogate, p.samples());
        var examples = TribuoTables.unlabelledForClassifier(explained, features);
        double[][] weights = new double[features.size()][n];
        double[] r2 = new double[n];
        for (int i = 0; i < n; i++) {
            ctx.checkCancelled();
            LIMEExplanation e = lime.explain(examples.get(i));
            List<Pair<String, Double>> top = e.getModel().getTopFeatures(-1).get(cls);
            for (Pair<String, Double> w : top == null ? List.<Pair<String, Double>>of() : top) {
                int j = features.indexOf(w.getA());
                if (j >= 0) {
                    weights[j][i] = w.getB();
                }
            }
            r2[i] = e.getEvaluation().averageR2();
            ctx.progress((i + 1.0) / n);
        }
        Table out = explained;
        for (int j = 0; j < features.size(); j++) {
            out = out.with(new NumericColumn("lime_" + features.get(j), ColumnRole.IGNORE, weights[j]));
        }
        out = out.with(new NumericColumn("lime_r2", ColumnRole.IGNORE, r2));
        double[] x = new double[features.size()];
        double[] first = new double[features.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = j;
            first[j] = weights[j][0];
        }
        Plot plot = Plot.of(Plot.Kind.BAR, String.format(java.util.Locale.ROOT, "LIME weights for row 1: P(%s = %s), surrogate R² %.2f", model.target(), cls, r2[0]),
                "feature", "local weight", List.of(new Plot.Series("weight", x, first, null, null, new ArrayList<>(features))), List.of());
        return Outputs.of(WEIGHTS, out, PLOT, plot);
    }
}
