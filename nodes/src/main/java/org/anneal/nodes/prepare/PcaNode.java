package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
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
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;

@NodeType(id = "prepare.pca", title = "PCA (principal components)", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Learns the column means and the principal axes (directions of largest variance) on the `fit` rows and replaces \
                the chosen columns of the `data` rows by their scores `pc1, pc2, …` on the first `components` axes. The \
                `scree` plot shows the share of variance along every axis and its running total, to decide how many components \
                carry the signal; `loadings` shows how much each column weighs in each component. Each axis's sign is fixed \
                so its largest loading is positive, so results are reproducible. Columns are only centred, not scaled: \
                standardize first when they have different units. PCA ignores the target, but it still learns from rows: fit \
                it on the training rows when its output feeds a model, and apply `state` to the test rows with an Apply node; \
                fitting it on all rows is fine when the scores are only plotted. The exact solver decomposes the smaller of the \
                covariance matrix (columns × columns) and the Gram matrix (rows × rows), which give the same axes as an SVD of \
                the centred data, so a table of 1,000 spectra of 5,000 channels takes about a second. The randomized solver \
                (Halko–Martinsson–Tropp, seeded) approximates only the kept axes, faster still on large tables; its scree plot \
                shows only the kept components, as shares of the total variance.""")
public final class PcaNode implements Node<PcaNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to combine; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "How many components to keep (at most the number of columns)", def = "2", min = 1, max = 10000) int components,
            @Param(doc = "Divide each score by its standard deviation, so every component has unit variance", def = "false") boolean whiten,
            @Param(doc = "How the axes are found: `full` exactly, `randomized` approximately and fast (only the kept components' "
                    + "variances), `auto` exactly unless rows and columns both exceed 2,000 and few components are kept",
                    def = "\"auto\"") Solver solver) {

        public Params(List<String> columns, int components, boolean whiten) {
            this(columns, components, whiten, Solver.AUTO);
        }
    }

    /** As scikit-learn's {@code svd_solver}. */
    public enum Solver { AUTO, FULL, RANDOMIZED }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the axes are learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to project");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the columns replaced by pc1, pc2, …");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The learnt means and axes, to project other rows with an Apply node");
    static final OutPort<Plot> SCREE = OutPort.of("scree", DataKind.PLOT, Plot.class,
            "Explained variance ratio per component and its cumulative share");
    static final OutPort<Table> LOADINGS = OutPort.of("loadings", DataKind.TABLE, Table.class,
            "One row per input column, one column per kept component: the weights of the axes");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = FitAndData.numeric(in, FIT, DATA, p.columns());
        List<String> cols = fd.columns();
        if (p.components() > cols.size()) {
            throw ConfigError.atParam("components", "PCA of " + cols.size() + " column(s) has at most " + cols.size()
                    + " components; " + p.components() + " were asked for.", "Set 'components' to " + cols.size() + " or fewer, or add columns.");
        }
        List<ColumnSpec> scores = IntStream.range(0, p.components())
                .mapToObj(k -> new ColumnSpec(PcaProjection.scoreName(k), ColumnType.NUMERIC, ColumnRole.FEATURE)).toList();
        return fd.planned(fd.outputs(OUT, STATE, fd.state(cols, scores))
                .put(SCREE, ValueSpec.of(DataKind.PLOT, fd.learnt()))
                .put(LOADINGS, perColumnSpec(scores, fd.learnt())));
    }

    /** A table of one row per input column (its name, an ID) and one numeric column per component: PCA's loadings, NMF's parts. */
    static TableSpec perColumnSpec(List<ColumnSpec> components, Lineage learnt) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(new ColumnSpec("column", ColumnType.CATEGORICAL, ColumnRole.ID));
        cols.addAll(components);
        return new TableSpec(cols, learnt);
    }

    /** The values of {@link #perColumnSpec}: {@code weights[k]} holds component k's weight of every input column. */
    static Table perColumnTable(List<String> inputs, int components, IntFunction<String> name, double[][] weights) {
        List<Column> out = new ArrayList<>();
        out.add(new CategoricalColumn("column", ColumnRole.ID, IntStream.range(0, inputs.size()).toArray(), inputs));
        for (int k = 0; k < components; k++) {
            out.add(new NumericColumn(name.apply(k), ColumnRole.FEATURE, weights[k].clone()));
        }
        return new Table(out);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        if (p.components() > cols.size()) {
            throw new NodeFailure("PCA of " + cols.size() + " column(s) has at most " + cols.size() + " components.",
                    "Set 'components' to " + cols.size() + " or fewer.");
        }
        PrincipalAxes axes = LeadingAxes.fit(fit, cols, p.components(), p.solver(), ctx.seed(), ctx::checkCancelled);
        ctx.progress(0.5);
        PcaProjection state = new PcaProjection(axes, p.components(), p.whiten());
        Table out = state.apply(in.get(DATA));
        return Outputs.builder()
                .put(OUT, out)
                .put(STATE, state)
                .put(SCREE, scree(axes))
                .put(LOADINGS, loadings(axes, p.components()))
                .build();
    }

    /** Every axis, not only the kept ones: the elbow is what tells the student how many to keep. */
    static Plot scree(PrincipalAxes axes) {
        double[] ratio = axes.varianceRatio();
        double[] x = new double[ratio.length];
        double[] cumulative = new double[ratio.length];
        double sum = 0;
        for (int k = 0; k < ratio.length; k++) {
            x[k] = k + 1;
            sum += ratio[k];
            cumulative[k] = sum;
        }
        return Plot.of(Plot.Kind.LINE, "Scree plot", "component", "share of variance",
                List.of(Plot.Series.of("explained variance ratio", x, ratio), Plot.Series.of("cumulative", x, cumulative)), List.of());
    }

    static Table loadings(PrincipalAxes axes, int components) {
        return perColumnTable(axes.columns(), components, PcaProjection::scoreName, axes.axes());
    }
}
