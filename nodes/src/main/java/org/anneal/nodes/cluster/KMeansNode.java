package org.anneal.nodes.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.nodes.prepare.FitAndData;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;

@NodeType(id = "cluster.kmeans", title = "k-means clustering", phase = Phase.MODEL, role = LeakageRole.FIT,
        doc = """
                Groups the `fit` rows into `k` clusters around centres, each row belonging to its nearest centre, so that the \
                sum of squared distances to the centres (the inertia) is as small as it can find; then labels the `data` rows \
                with their nearest centre in a categorical column (`cluster`: c1, c2, … by decreasing size). No target is \
                used. Distances mix the columns' units, so standardize first. The result depends on the starting centres \
                (k-means++ spreads them out); the best of `restarts` runs is kept. To choose k, look at evaluate.elbow; to \
                score the clusters, evaluate.clustering. Apply `state` to other rows with an Apply node. Lloyd's algorithm \
                from Tribuo (KMeansTrainer).""")
public final class KMeansNode implements Node<KMeansNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns that place a row; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Number of clusters", def = "3", min = 1, max = 1000) int k,
            @Param(doc = "How the first centres are chosen: k-means++ (spread out, far from each other) or random rows",
                    def = "\"k-means++\"") Init init,
            @Param(doc = "Runs from different starting centres; the one with the lowest inertia is kept", def = "10", min = 1, max = 1000) int restarts,
            @Param(doc = "Most assign-and-move rounds per run", def = "100", min = 1, max = 100000) int iterations,
            @Param(doc = "Name of the cluster column added to the rows", def = "\"cluster\"") String output) {
    }

    /** How the first centres are picked. */
    public enum Init { @org.anneal.spec.Choice("k-means++") K_MEANS_PLUS_PLUS, RANDOM }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the centres are learnt from").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to label with their nearest centre");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the cluster column added");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The centres, to label other rows with an Apply node");
    static final OutPort<Table> CENTRES = OutPort.of("centres", DataKind.TABLE, Table.class,
            "One row per cluster: its name, how many fit rows it holds, its centre");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = ClusterData.fitAndData(in, FIT, DATA, p.columns(), ctx.nodeId());
        requireOutputName(p.output(), fd.columns(), fd.data());
        TransformerSpec state = fd.state(List.of(), List.of(ClusterColumn.spec(p.output())));
        return fd.planned(fd.outputs(OUT, STATE, state).put(CENTRES, centresSpec(fd.columns(), "size", fd.learnt())));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[][] x = ClusterData.matrix(fit, cols, ctx.nodeId());
        ClusterData.requireDistinct(x, p.k(), ctx.nodeId());
        NearestCentre centres = KMeansFit.fit(x, cols, p.k(), p.init() == Init.K_MEANS_PLUS_PLUS, p.iterations(), p.restarts(), ctx.seed(),
                ctx::checkCancelled);
        ctx.progress(0.8);
        KMeansState state = new KMeansState(centres, p.output(), ctx.nodeId(), centres.inertia(x));
        int[] size = new int[p.k()];
        for (int c : centres.assign(x)) {
            size[c]++;
        }
        return Outputs.builder()
                .put(OUT, state.apply(in.get(DATA)))
                .put(STATE, state)
                .put(CENTRES, centresTable(cols, centres.centres(), "size", IntStream.of(size).asDoubleStream().toArray()))
                .build();
    }

    static void requireOutputName(String output, List<String> cols, TableSpec data) throws ConfigError {
        if (output.isBlank()) {
            throw ConfigError.atParam("output", "The cluster column needs a name.", "Set 'output', for example to 'cluster'.");
        }
        if (cols.contains(output)) {
            throw ConfigError.atParam("output", "The cluster column '" + output + "' would overwrite a column it is computed from.",
                    "Choose another name for 'output'.");
        }
        if (data.column(output).isPresent()) {
            // the blobs dataset names its true classes 'cluster': replacing them silently would hide the comparison
            throw ConfigError.atParam("output", "The rows already have a column '" + output + "'; the cluster column would replace it.",
                    "Set 'output' to a new name, for example '" + output + "_found'.");
        }
    }

    /** Cluster name, one number per cluster ({@code size} or weight), then the centre's coordinates under the columns' names. */
    static TableSpec centresSpec(List<String> cols, String count, Lineage lineage) {
        List<ColumnSpec> out = new ArrayList<>();
        out.add(new ColumnSpec("cluster", ColumnType.CATEGORICAL, ColumnRole.ID));
        out.add(new ColumnSpec(count, ColumnType.NUMERIC, ColumnRole.FEATURE));
        cols.stream().filter(c -> !c.equals("cluster") && !c.equals(count))
                .forEach(c -> out.add(new ColumnSpec(c, ColumnType.NUMERIC, ColumnRole.FEATURE)));
        return new TableSpec(out, lineage);
    }

    static Table centresTable(List<String> cols, double[][] centres, String count, double[] perCluster) {
        int k = centres.length;
        List<Column> out = new ArrayList<>();
        out.add(new CategoricalColumn("cluster", ColumnRole.ID, IntStream.range(0, k).toArray(), ClusterData.names(k)));
        out.add(new NumericColumn(count, ColumnRole.FEATURE, perCluster));
        for (int j = 0; j < cols.size(); j++) {
            if (cols.get(j).equals("cluster") || cols.get(j).equals(count)) {
                continue;
            }
            double[] v = new double[k];
            for (int c = 0; c < k; c++) {
                v[c] = centres[c][j];
            }
            out.add(new NumericColumn(cols.get(j), ColumnRole.FEATURE, v));
        }
        return new Table(out);
    }
}
