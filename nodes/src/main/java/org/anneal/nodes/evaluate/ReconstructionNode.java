package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.reconstruction", title = "Reconstruction error", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE, usesSeed = false,
        doc = """
                Scores a decomposition by how well its few components rebuild the rows: each row of `data` is rebuilt as the \
                sum of the components in `parts` (PCA's `loadings` or NMF's `parts`: one row per input column) weighted by \
                that row's scores in `weights` (the decomposition's `out`, same rows in the same order). With `centred` \
                (for PCA, whose scores are of centred rows) the column means are added back. `explained_variance` is the \
                share of the rows' variance around their column means that the rebuilt rows keep (1 − SSE/SST; for PCA with k \
                components fitted on these rows it is the scree's cumulative share at k); `relative_error` is \
                ‖X − X̂‖ / ‖X‖ (NMF's own figure of merit); `components` is k. Comparing k against k + 1 shows whether one \
                more component still carries signal or only noise. Whitened PCA scores cannot rebuild the rows.""")
public final class ReconstructionNode implements Node<ReconstructionNode.Params> {

    public record Params(
            @Param(doc = "Add the column means back: true for PCA scores, false for NMF weights", def = "false") boolean centred) {
    }

    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "The rows as they went into the decomposition");
    static final InPort<Table> WEIGHTS = InPort.of("weights", DataKind.TABLE, Table.class,
            "The same rows with their scores or weights (pc1, … or nmf1, …): the decomposition's out");
    static final InPort<Table> PARTS = InPort.of("parts", DataKind.TABLE, Table.class,
            "One row per input column (its name in `column`) and one column per component: PCA's loadings or NMF's parts");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "explained_variance, relative_error, components");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec parts = in.table(PARTS);
        TableSpec weights = in.table(WEIGHTS);
        in.table(DATA);
        if (parts.column("column").filter(c -> c.type() == ColumnType.CATEGORICAL).isEmpty()) {
            throw ConfigError.atPort("parts", "The parts table has no 'column' column naming the input columns.",
                    "Wire PCA's 'loadings' or NMF's 'parts' output here.");
        }
        List<String> components = components(parts);
        if (components.isEmpty()) {
            throw ConfigError.atPort("parts", "The parts table has no numeric component columns.", "Wire PCA's 'loadings' or NMF's 'parts' output here.");
        }
        for (String c : components) {
            ColumnSpec w = weights.column(c).orElseThrow(() -> ConfigError.atPort("weights", "The weights table has no column '" + c
                    + "', a component of the parts table.", "Wire the 'out' of the same PCA or NMF block whose parts are wired."));
            if (!w.isNumeric()) {
                throw ConfigError.atPort("weights", "'" + c + "' holds " + w.typeLabel() + ", not numbers.", "Wire the decomposition's 'out'.");
            }
        }
        return Specs.of(METRICS, ValueSpec.of(DataKind.METRICS, weights.lineage()));
    }

    private static List<String> components(TableSpec parts) {
        return parts.columns().stream().filter(c -> c.isNumeric() && !c.name().equals("column")).map(ColumnSpec::name).toList();
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table data = in.get(DATA);
        Table weights = in.get(WEIGHTS);
        Table parts = in.get(PARTS);
        if (data.rowCount() != weights.rowCount()) {
            throw new NodeFailure("'data' has " + data.rowCount() + " rows but 'weights' has " + weights.rowCount() + ".",
                    "Wire the rows that went into the decomposition and its 'out' for the same rows.");
        }
        CategoricalColumn names = (CategoricalColumn) parts.column("column").orElseThrow();
        List<String> components = parts.columns().stream().filter(c -> c instanceof NumericColumn && !c.name().equals("column"))
                .map(Column::name).toList();
        int k = components.size();
        int p2 = parts.rowCount(); // one row per input column
        double[][] loading = new double[p2][k];
        List<NumericColumn> inputs = new ArrayList<>();
        for (int j = 0; j < p2; j++) {
            String name = names.get(j);
            Column c = data.column(name).orElseThrow(() -> new NodeFailure("'data' has no column '" + name + "', which the parts were learnt on.",
                    "Wire the same rows that went into the decomposition."));
            if (!(c instanceof NumericColumn nc)) {
                throw new NodeFailure("'" + name + "' of 'data' holds no numbers.", "Wire the rows that went into the decomposition.");
            }
            inputs.add(nc);
            for (int q = 0; q < k; q++) {
                loading[j][q] = parts.numeric(components.get(q)).get(j);
            }
        }
        return Outputs.of(METRICS, new Metrics(Task.CLUSTERING, score(inputs, weights, components, loading, p.centred(), ctx), data.rowCount()));
    }

    /** SSE of the rebuilt rows against SST (around the column means) and ‖X‖². */
    private static Map<String, Double> score(List<NumericColumn> inputs, Table weights, List<String> components, double[][] loading,
            boolean centred, ExecContext ctx) {
        int n = weights.rowCount();
        int k = components.size();
        double[][] w = new double[k][];
        double[] wMean = new double[k];
        for (int q = 0; q < k; q++) {
            w[q] = weights.numeric(components.get(q)).values();
            wMean[q] = centred ? mean(w[q]) : 0;
        }
        double sse = 0;
        double sst = 0;
        double total = 0;
        for (int j = 0; j < inputs.size(); j++) {
            ctx.checkCancelled();
            double[] x = inputs.get(j).values();
            double xMean = mean(x);
            for (int i = 0; i < n; i++) {
                double rebuilt = centred ? xMean : 0;
                for (int q = 0; q < k; q++) {
                    rebuilt += (w[q][i] - wMean[q]) * loading[j][q];
                }
                double e = x[i] - rebuilt;
                sse += e * e;
                sst += (x[i] - xMean) * (x[i] - xMean);
                total += x[i] * x[i];
            }
        }
        if (!Double.isFinite(sse)) {
            throw new NodeFailure("A missing or infinite value in 'data' or 'weights' leaves the error undefined.", "Fill or drop missing values first.");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("explained_variance", sst == 0 ? Double.NaN : 1 - sse / sst);
        m.put("relative_error", total == 0 ? Double.NaN : Math.sqrt(sse / total));
        m.put("components", (double) k);
        return m;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
