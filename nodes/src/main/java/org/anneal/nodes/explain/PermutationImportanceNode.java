package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;

import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "explain.permutation-importance", title = "Permutation importance", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                How much does the model rely on each feature? Shuffles one feature at a time across the `data` rows (breaking \
                its link with the target while keeping its distribution) and measures how much the score gets worse: the rise \
                in mean squared error for regression, the drop in accuracy for classification. Repeated `repeats` times with \
                seeded shuffles; use held-out rows, so importance reflects generalisation, not memory.""")
public final class PermutationImportanceNode implements Node<PermutationImportanceNode.Params> {

    public record Params(@Param(doc = "Shuffles per feature", def = "5", min = 1, max = 1000) int repeats) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted model");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to measure on (held-out rows)");
    static final OutPort<Table> IMPORTANCE = OutPort.of("importance", DataKind.TABLE, Table.class,
            "One row per feature: mean and standard deviation of the score loss, most important first");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        model.requireFeaturesIn(data, DATA.name());
        return Specs.of(IMPORTANCE, new TableSpec(List.of(new ColumnSpec("feature", ColumnType.CATEGORICAL, ColumnRole.ID),
                new ColumnSpec("importance", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("importance_sd", ColumnType.NUMERIC, ColumnRole.FEATURE)),
                data.lineage().fittedWith(model.lineage())));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        double base = loss(model, data);
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        List<String> features = model.features();
        double[] mean = new double[features.size()];
        double[] sd = new double[features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] losses = new double[p.repeats()];
            for (int r = 0; r < p.repeats(); r++) {
                ctx.checkCancelled();
                losses[r] = loss(model, data.with(shuffled(data.column(features.get(j)).orElseThrow(), rnd))) - base;
            }
            mean[j] = java.util.Arrays.stream(losses).average().orElse(0);
            double m = mean[j];
            sd[j] = Math.sqrt(java.util.Arrays.stream(losses).map(x -> (x - m) * (x - m)).sum() / Math.max(1, losses.length - 1));
            ctx.progress((j + 1.0) / features.size());
        }
        Integer[] order = new Integer[features.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(mean[b], mean[a]));
        int[] codes = new int[order.length];
        double[] m = new double[order.length];
        double[] s = new double[order.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            codes[i] = i;
            names.add(features.get(order[i]));
            m[i] = mean[order[i]];
            s[i] = sd[order[i]];
        }
        return Outputs.of(IMPORTANCE, new Table(List.of(new CategoricalColumn("feature", ColumnRole.ID, codes, names),
                new NumericColumn("importance", ColumnRole.FEATURE, m), new NumericColumn("importance_sd", ColumnRole.FEATURE, s))));
    }

    /** Mean squared error (regression) or error rate (classification): larger is worse. */
    static double loss(TrainedModel model, Table data) {
        double[] pred = model.predict(data);
        if (model.task() == Task.REGRESSION) {
            double[] y = data.numeric(model.target()).values();
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += (y[i] - pred[i]) * (y[i] - pred[i]);
            }
            return s / y.length;
        }
        CategoricalColumn y = (CategoricalColumn) data.column(model.target()).orElseThrow();
        int wrong = 0;
        for (int i = 0; i < pred.length; i++) {
            wrong += model.classes().get((int) pred[i]).equals(y.get(i)) ? 0 : 1;
        }
        return wrong / (double) pred.length;
    }

    private static Column shuffled(Column c, SplittableRandom rnd) {
        int[] idx = new int[c.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int i = idx.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return c.rows(idx);
    }

}
