package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.PreprocessingStep;
import org.anneal.nodes.pipeline.TransformStep;
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
import org.anneal.spec.TableSpec;

@NodeType(id = "prepare.standardize", title = "Standardize", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Learns each column's mean and standard deviation on the `fit` rows and applies them to the `data` rows: z = (x \
                - mean) / sd. Connect `fit` to the training rows; to scale the test rows with the same numbers, feed `state` \
                into an Apply node. Missing values are ignored when fitting and stay missing. A column with zero spread is \
                only centred.""")
public final class StandardizeNode extends FittedTransformNode<StandardizeNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to scale; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Subtract the mean", def = "true") boolean withMean,
            @Param(doc = "Divide by the standard deviation", def = "true") boolean withStd) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the statistics are learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to scale");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The scaled rows");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The learnt means and deviations, to apply to other rows");

    public StandardizeNode() {
        super(FIT, DATA, OUT, STATE);
    }

    @Override
    protected List<String> columns(TableSpec fit, Params p) throws ConfigError {
        return ScalingSpecs.columns(fit, p.columns(), "columns");
    }

    @Override
    protected ColumnScaling learn(Table fit, List<String> cols, Params p, ExecContext ctx) {
        double[] mean = new double[cols.size()];
        double[] sd = new double[cols.size()];
        NumericColumn[] numeric = TableEdits.numericColumns(fit, cols);
        for (int j = 0; j < cols.size(); j += 4) {
            ctx.checkCancelled();
            double[][] ms = meanAndSd(numeric, j, Math.min(4, cols.size() - j));
            for (int q = 0; q < ms.length; q++) {
                if (Double.isNaN(ms[q][0])) {
                    throw new NodeFailure("Column '" + cols.get(j + q) + "' has no values in the fit rows.", "Check the data or leave the column out.");
                }
                mean[j + q] = p.withMean() ? ms[q][0] : 0;
                sd[j + q] = p.withStd() && ms[q][1] > 0 ? ms[q][1] : 1;
            }
            ctx.progress(Math.min(cols.size(), j + 4.0) / (2 * cols.size()));
        }
        return new ColumnScaling("Standardize", cols, mean, sd);
    }

    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        return new Params(TransformStep.numeric(train, features), step.withMean(), step.withStd());
    }

    @Override
    public String describe(Params settings) {
        return "Standardize";
    }

    /** A standardizer as a pipeline step: what Cross-validate's {@code standardize} option puts in front of its learner. */
    public static TransformStep<Params> step(boolean withMean, boolean withStd) {
        return new TransformStep<>(new StandardizeNode(), new Params(List.of(), withMean, withStd));
    }

    @NodeType(id = "pipeline.standardize", title = "Standardize (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
            doc = """
                    Puts a standardizer in front of a learner, like a step of scikit-learn's Pipeline: whenever the learner is \
                    fitted (by Fit, by each fold of Cross-validate, by each candidate of Tune), the means and standard deviations \
                    are learnt on exactly those training rows and reused unchanged on the rows it predicts. Wire a ridge learner \
                    through this node into Cross-validate and every fold's held-out rows stay unseen. Same arithmetic as \
                    prepare.standardize (sample sd; a constant column is only centred).""")
    public static final class InPipeline extends PipelineStepNode<InPipeline.Params> {
        public record Params(
                @Param(doc = "Subtract the mean", def = "true") boolean withMean,
                @Param(doc = "Divide by the standard deviation", def = "true") boolean withStd) {
        }

        @Override
        protected PreprocessingStep step(Params p) {
            return StandardizeNode.step(p.withMean(), p.withStd());
        }
    }

    /**
     * {@link #meanAndSd(double[])} of {@code count} (1 to 4) columns from {@code from}: four columns side by side in one
     * loop, each by the same updates in the same order (so the same numbers to the last bit), so that the division each
     * update waits on overlaps the other columns' instead of stalling the loop.
     */
    static double[][] meanAndSd(NumericColumn[] cols, int from, int count) {
        double[][] out = new double[count][];
        if (count < 4) {
            for (int q = 0; q < count; q++) {
                out[q] = meanAndSd(cols[from + q].values());
            }
            return out;
        }
        double[] a = cols[from].values();
        double[] b = cols[from + 1].values();
        double[] c = cols[from + 2].values();
        double[] d = cols[from + 3].values();
        long na = 0;
        long nb = 0;
        long nc = 0;
        long nd = 0;
        double ma = 0;
        double mb = 0;
        double mc = 0;
        double md = 0;
        double sa = 0;
        double sb = 0;
        double sc = 0;
        double sd = 0;
        for (int i = 0; i < a.length; i++) { // the updates of meanAndSd(double[]), written out for locals the JIT keeps in registers
            double x = a[i];
            if (!Double.isNaN(x)) {
                double e = x - ma;
                ma += e / ++na;
                sa += e * (x - ma);
            }
            x = b[i];
            if (!Double.isNaN(x)) {
                double e = x - mb;
                mb += e / ++nb;
                sb += e * (x - mb);
            }
            x = c[i];
            if (!Double.isNaN(x)) {
                double e = x - mc;
                mc += e / ++nc;
                sc += e * (x - mc);
            }
            x = d[i];
            if (!Double.isNaN(x)) {
                double e = x - md;
                md += e / ++nd;
                sd += e * (x - md);
            }
        }
        return new double[][] {result(na, ma, sa), result(nb, mb, sb), result(nc, mc, sc), result(nd, md, sd)};
    }

    private static double[] result(long n, double mean, double m2) {
        return new double[] {n == 0 ? Double.NaN : mean, n > 1 ? Math.sqrt(m2 / (n - 1)) : 0};
    }

    /** Mean and sample standard deviation (n - 1) of the non-missing values, by Welford's update. */
    static double[] meanAndSd(double[] v) {
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (double x : v) {
            if (Double.isNaN(x)) {
                continue;
            }
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }
        return new double[] {n == 0 ? Double.NaN : mean, n > 1 ? Math.sqrt(m2 / (n - 1)) : 0};
    }
}
