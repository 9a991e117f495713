package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.PreprocessingStep;
import org.anneal.nodes.pipeline.TransformStep;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;

@NodeType(id = "prepare.select-k-best", title = "Select k best features", phase = Phase.PREPARE, role = LeakageRole.FIT, usesTarget = true,
        doc = """
                Univariate feature selection: scores every numeric feature on the `fit` rows by its link with the target \
                (absolute Pearson correlation for a numeric target, the one-way ANOVA F statistic for classes) and keeps the \
                `k` best. It looks at the target, so it must see training rows only: selected on all rows, features that match \
                the test targets by chance survive and the score is inflated (worse with thousands of features, such as XRD \
                bins).""")
public final class SelectKBestNode extends FittedTransformNode<SelectKBestNode.Params> {

    public record Params(@Param(doc = "How many features to keep", def = "10", min = 1, max = 1000000) int k) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the scores are computed on (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to reduce");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with only the kept features");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class, "Which features were kept");

    public SelectKBestNode() {
        super(FIT, DATA, OUT, STATE);
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec fit = in.table(FIT);
        TableSpec data = in.table(DATA);
        fit.requireTarget(FIT.name());
        List<String> numeric = fit.features().stream().filter(ColumnSpec::isNumeric).map(ColumnSpec::name).toList();
        if (numeric.isEmpty()) {
            throw ConfigError.atPort(FIT.name(), "There are no numeric features to select from.", "Check the column roles at the data source.");
        }
        // which k survive is known only after fitting; the spec keeps every candidate so downstream checks stay permissive
        TransformerSpec state = TransformerSpec.learntFrom(fit.lineage(), List.of()).keepingSubset();
        return Specs.of(OUT, data.withLineage(data.lineage().fittedWith(fit.lineage())), STATE, state)
                .withRunTimeColumns(OUT, Specs.RunTimeColumns.SUBSET);
    }

    @Override
    protected List<String> columns(TableSpec fit, Params p) {
        return fit.features().stream().filter(ColumnSpec::isNumeric).map(ColumnSpec::name).toList();
    }

    /** The candidates are {@code cols}, every numeric feature; which k survive is decided here, on the fit rows. */
    @Override
    protected ColumnSelection learn(Table fit, List<String> cols, Params p, ExecContext ctx) {
        Column target = fit.target().orElseThrow();
        List<NumericColumn> candidates = cols.stream().map(fit::numeric).toList();
        List<double[]> scored = new ArrayList<>();
        for (int j = 0; j < candidates.size(); j++) {
            if ((j & 255) == 0) {
                ctx.checkCancelled();
                ctx.progress(j / (double) candidates.size());
            }
            double s = target instanceof NumericColumn y ? Math.abs(correlation(candidates.get(j).values(), y.values()))
                    : anovaF(candidates.get(j).values(), (CategoricalColumn) target);
            scored.add(new double[] {Double.isNaN(s) ? -1 : s, j});
        }
        scored.sort(Comparator.comparingDouble((double[] a) -> -a[0]).thenComparingDouble(a -> a[1]));
        int k = Math.min(p.k(), candidates.size());
        if (k == 0) {
            throw new NodeFailure("There are no numeric features to select from.", "Check the column roles at the data source.");
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            kept.add(candidates.get((int) scored.get(i)[1]).name());
        }
        List<String> dropped = candidates.stream().map(Column::name).filter(n -> !kept.contains(n)).toList();
        return new ColumnSelection(kept, dropped);
    }

    /** Inside a pipeline the candidates are the learner's numeric features ({@link #readsTarget()} hides the others). */
    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        return step;
    }

    @Override
    public boolean readsTarget() {
        return true;
    }

    @Override
    public String describe(Params settings) {
        return "Select " + settings.k() + " best";
    }

    @NodeType(id = "pipeline.select-k-best", title = "Select k best (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
            usesTarget = true,
            doc = """
                    Puts univariate feature selection (as prepare.select-k-best: |Pearson r| with a numeric target, ANOVA F with \
                    classes) in front of a learner. The selection looks at the target, so it must be redone inside every fold: \
                    here it is, because each fit chooses its k features from its own training rows. This is the honest way to \
                    cross-validate feature selection on wide data (spectra, XRD bins); `k` can be tuned.""")
    public static final class InPipeline extends PipelineStepNode<InPipeline.Params> {
        public record Params(@Param(doc = "How many features to keep", def = "10", min = 1, max = 1000000, tunable = true) int k) {
        }

        @Override
        protected PreprocessingStep step(Params p) {
            return new TransformStep<>(new SelectKBestNode(), new SelectKBestNode.Params(p.k()));
        }
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                ma += a[i];
                mb += b[i];
                n++;
            }
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                sab += (a[i] - ma) * (b[i] - mb);
                saa += (a[i] - ma) * (a[i] - ma);
                sbb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** One-way ANOVA F: variance of class means over variance within classes. */
    static double anovaF(double[] x, CategoricalColumn y) {
        int k = y.levels().size();
        double[] sum = new double[k];
        int[] cnt = new int[k];
        double total = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            int c = y.codes()[i];
            if (c >= 0 && !Double.isNaN(x[i])) {
                sum[c] += x[i];
                cnt[c]++;
                total += x[i];
                n++;
            }
        }
        double grand = total / n;
        double between = 0;
        int groups = 0;
        for (int c = 0; c < k; c++) {
            if (cnt[c] > 0) {
                double m = sum[c] / cnt[c];
                between += cnt[c] * (m - grand) * (m - grand);
                groups++;
            }
        }
        double within = 0;
        for (int i = 0; i < x.length; i++) {
            int c = y.codes()[i];
            if (c >= 0 && !Double.isNaN(x[i])) {
                double d = x[i] - sum[c] / cnt[c];
                within += d * d;
            }
        }
        if (groups < 2 || n - groups <= 0 || within == 0) {
            return 0;
        }
        return (between / (groups - 1)) / (within / (n - groups));
    }
}
