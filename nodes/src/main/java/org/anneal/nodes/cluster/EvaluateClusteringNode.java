package org.anneal.nodes.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnPlan;
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
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.clustering", title = "Clustering metrics", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                Scores the clusters in a table's `cluster` column on the `columns` that placed the rows. `inertia`: the sum of \
                squared distances from each row to its cluster's mean (smaller = tighter; it always falls as k grows, so it \
                cannot choose k on its own). `silhouette`: how much closer each row is to its own cluster than to the next \
                one, averaged, from −1 to 1 (near 1 = compact, well separated; needs two clusters or more; its time grows with \
                the square of the rows, so above 4000 rows it is averaged over a random sample of 4000). With a `truth` \
                column of known classes (held back from the clustering) it also reports the adjusted Rand index `ari` and the \
                adjusted mutual information `ami`: 1 when the clusters are the classes under other names, about 0 for a random \
                grouping.""")
public final class EvaluateClusteringNode implements Node<EvaluateClusteringNode.Params> {

    public record Params(
            @Param(doc = "Categorical column holding each row's cluster", def = "\"cluster\"", hint = Param.Hint.COLUMN) String cluster,
            @Param(doc = "Numeric columns the clusters were formed on; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Categorical column of known classes to compare with; empty = none", def = "\"\"", hint = Param.Hint.COLUMN) String truth) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with their cluster column");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "clusters, inertia, silhouette; ari and ami with a truth column");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        requireCategorical(t, p.cluster(), "cluster", ctx.nodeId());
        List<String> read = ClusterData.columns(t, p.columns(), "columns", ctx.nodeId());
        if (!p.truth().isEmpty()) {
            requireCategorical(t, p.truth(), "truth", ctx.nodeId());
        }
        return Specs.of(METRICS, ValueSpec.of(DataKind.METRICS, t.lineage())).withPlan(new ColumnPlan(read));
    }

    private static void requireCategorical(TableSpec t, String name, String param, String node) throws ConfigError {
        ColumnSpec c = t.requireColumn(name, param);
        if (!c.isCategorical()) {
            throw ConfigError.atParam(param, "'" + node + "' needs a categorical column in '" + param + "'; '" + name + "' holds "
                    + c.type().title() + "s.",
                    "Pick the column a clustering node added (categorical, c1, c2, …) or cast it (prepare.cast).");
        }
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        String node = ctx.nodeId();
        CategoricalColumn cluster = categorical(t, p.cluster(), node);
        double[][] x = ClusterData.matrix(t, in.plan(ColumnPlan.class, this, p, ctx).columns(), node);
        int k = cluster.levels().size();
        int[] c = cluster.codes();
        long present = java.util.Arrays.stream(c).distinct().count();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("clusters", (double) present);
        m.put("inertia", ClusterScores.inertia(x, c, k));
        if (present >= 2) {
            m.put("silhouette", ClusterScores.silhouette(x, c, k, ctx.seed(), ctx::checkCancelled));
        }
        if (!p.truth().isEmpty()) {
            CategoricalColumn truth = categorical(t, p.truth(), node);
            m.put("ari", ClusterScores.adjustedRand(c, k, truth.codes(), truth.levels().size()));
            m.put("ami", ClusterScores.adjustedMutualInformation(c, k, truth.codes(), truth.levels().size()));
        }
        return Outputs.of(METRICS, new Metrics(Task.CLUSTERING, m, t.rowCount()));
    }

    private static CategoricalColumn categorical(Table t, String name, String node) {
        CategoricalColumn c = (CategoricalColumn) t.column(name).orElseThrow();
        if (c.missingCount() > 0) {
            throw new NodeFailure("'" + node + "': column '" + name + "' has " + c.missingCount() + " row(s) without a value.",
                    "Drop those rows (prepare.drop-missing) before scoring the clusters.");
        }
        return c;
    }
}
