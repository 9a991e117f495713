package org.anneal.nodes.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
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
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TransformerSpec;
import org.anneal.spec.ValueSpec;

@NodeType(id = "cluster.gaussian-mixture", title = "Gaussian mixture clustering", phase = Phase.MODEL, role = LeakageRole.FIT,
        doc = """
                Models the `fit` rows as drawn from `k` Gaussian clouds, each with its own weight, centre and covariance (its \
                spread and tilt), fitted by expectation–maximisation starting from k-means; then gives every `data` row the \
                component most likely to have produced it (`cluster`: c1, c2, … by decreasing weight) and that probability \
                (`cluster_probability`, role ignore: 1 deep inside a cloud, 1/k on a border). Unlike k-means it finds \
                elongated or unequal clusters, and its `metrics` (log-likelihood, BIC, AIC; lower BIC is better) compare \
                different k. `diagonal` covariance treats the columns as independent within a cluster (fewer parameters, for \
                few rows). Standardize first when the columns have different units. EM is written out in Anneal (Tribuo's GMM \
                module is not bundled); a tiny ridge (1e-6) is added to every variance.""")
public final class GaussianMixtureNode implements Node<GaussianMixtureNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns that place a row; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Number of components", def = "3", min = 1, max = 100) int k,
            @Param(doc = "Shape of each component: full (any tilted ellipse) or diagonal (axis-aligned)", def = "\"full\"") Covariance covariance,
            @Param(doc = "Most EM rounds", def = "200", min = 1, max = 100000) int iterations,
            @Param(doc = "Stop when the mean log-likelihood per row changes by less than this", def = "1e-6", min = 0) double tolerance,
            @Param(doc = "Name of the cluster column added to the rows", def = "\"cluster\"") String output) {
    }

    public enum Covariance { FULL, DIAGONAL }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the mixture is learnt from").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to assign to a component");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the cluster and probability columns added");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The mixture, to assign other rows with an Apply node");
    static final OutPort<Table> COMPONENTS = OutPort.of("components", DataKind.TABLE, Table.class,
            "One row per component: its name, weight and centre");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "Fit on the fit rows: log_likelihood, bic, aic, iterations, converged (1 or 0)");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = ClusterData.fitAndData(in, FIT, DATA, p.columns(), ctx.nodeId());
        KMeansNode.requireOutputName(p.output(), fd.columns(), fd.data());
        KMeansNode.requireOutputName(MixtureState.probabilityColumn(p.output()), fd.columns(), fd.data());
        TransformerSpec state = fd.state(List.of(), List.of(ClusterColumn.spec(p.output()),
                new ColumnSpec(MixtureState.probabilityColumn(p.output()), ColumnType.NUMERIC, ColumnRole.IGNORE)));
        return fd.planned(fd.outputs(OUT, STATE, state)
                .put(COMPONENTS, KMeansNode.centresSpec(fd.columns(), "weight", fd.learnt()))
                .put(METRICS, ValueSpec.of(DataKind.METRICS, fd.learnt())));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[][] x = ClusterData.matrix(fit, cols, ctx.nodeId());
        ClusterData.requireDistinct(x, p.k(), ctx.nodeId());
        MixtureFit.Result r = MixtureFit.fit(x, cols, p.k(), p.covariance() == Covariance.FULL, p.iterations(), p.tolerance(), ctx.seed(),
                ctx::checkCancelled);
        ctx.progress(0.8);
        MixtureState state = new MixtureState(r.mixture(), p.output(), ctx.nodeId(), r.logLikelihood());
        int n = x.length;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("log_likelihood", r.logLikelihood());
        m.put("bic", -2 * r.logLikelihood() + r.parameters() * Math.log(n));
        m.put("aic", -2 * r.logLikelihood() + 2.0 * r.parameters());
        m.put("iterations", (double) r.iterations());
        m.put("converged", r.converged() ? 1.0 : 0.0);
        return Outputs.builder()
                .put(OUT, state.apply(in.get(DATA)))
                .put(STATE, state)
                .put(COMPONENTS, KMeansNode.centresTable(cols, r.mixture().mean(), "weight", r.mixture().weight()))
                .put(METRICS, new Metrics(Task.CLUSTERING, m, n))
                .build();
    }
}
