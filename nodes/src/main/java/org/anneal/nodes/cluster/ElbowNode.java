package org.anneal.nodes.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
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
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.elbow", title = "Elbow plot (choosing k)", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                Runs k-means (as cluster.kmeans) on the `table` rows for every k from 1 to `maxK` and plots two curves: the \
                inertia as a share of the inertia at k = 1 (the fraction of the spread left inside the clusters; it always \
                falls, and the k where it stops falling steeply, the elbow, is a candidate) and the mean silhouette (from k = \
                2; higher = clusters more compact and better separated; above 4000 rows, on a sample of 4000). `scores` lists \
                the numbers. Both are hints, not proofs: well-separated groups give a sharp elbow and a silhouette peak at the \
                same k.""")
public final class ElbowNode implements Node<ElbowNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns that place a row; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Largest number of clusters to try", def = "8", min = 2, max = 50) int maxK,
            @Param(doc = "Runs per k from different starting centres (k-means++); the lowest inertia is kept", def = "5", min = 1, max = 1000) int restarts) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to cluster").fitting();
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Relative inertia and silhouette against k");
    static final OutPort<Table> SCORES = OutPort.of("scores", DataKind.TABLE, Table.class, "One row per k: inertia, relative inertia, silhouette");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        List<String> read = ClusterData.columns(t, p.columns(), "columns", ctx.nodeId());
        Lineage learnt = Lineage.learntFrom(t.lineage());
        List<ColumnSpec> cols = new ArrayList<>();
        for (String name : List.of("k", "inertia", "relative_inertia", "silhouette")) {
            cols.add(new ColumnSpec(name, ColumnType.NUMERIC, name.equals("k") ? ColumnRole.ID : ColumnRole.FEATURE));
        }
        return Specs.builder().put(PLOT, ValueSpec.of(DataKind.PLOT, learnt)).put(SCORES, new TableSpec(cols, learnt)).build().withPlan(new ColumnPlan(read));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        String node = ctx.nodeId();
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[][] x = ClusterData.matrix(t, cols, node);
        int maxK = ClusterData.distinctRows(x, p.maxK()); // no k beyond the distinct points: its extra clusters would be empty
        double[] k = new double[maxK];
        double[] inertia = new double[maxK];
        double[] relative = new double[maxK];
        double[] silhouette = new double[maxK];
        for (int i = 0; i < maxK; i++) {
            NearestCentre c = KMeansFit.fit(x, cols, i + 1, true, 100, p.restarts(), ctx.seed() + i, ctx::checkCancelled);
            k[i] = i + 1;
            inertia[i] = c.inertia(x);
            relative[i] = inertia[0] > 0 ? inertia[i] / inertia[0] : 0;
            silhouette[i] = i == 0 ? Double.NaN : ClusterScores.silhouette(x, c.assign(x), i + 1, ctx.seed(), ctx::checkCancelled);
            ctx.progress((i + 1.0) / maxK);
        }
        double[] fromTwo = Arrays.copyOfRange(k, 1, maxK);
        Plot plot = Plot.of(Plot.Kind.LINE, "Elbow plot", "number of clusters k", "share / score",
                List.of(Plot.Series.of("inertia / inertia at k = 1", k, relative),
                        Plot.Series.of("mean silhouette", fromTwo, Arrays.copyOfRange(silhouette, 1, maxK))), List.of());
        Table scores = new Table(List.of(new NumericColumn("k", ColumnRole.ID, k), new NumericColumn("inertia", ColumnRole.FEATURE, inertia),
                new NumericColumn("relative_inertia", ColumnRole.FEATURE, relative), new NumericColumn("silhouette", ColumnRole.FEATURE, silhouette)));
        return Outputs.builder().put(PLOT, plot).put(SCORES, scores).build();
    }
}
