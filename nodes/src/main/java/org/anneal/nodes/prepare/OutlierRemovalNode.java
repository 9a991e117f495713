package org.anneal.nodes.prepare;

import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.Table;
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

@NodeType(id = "prepare.outliers", title = "Remove outliers", phase = Phase.PREPARE, role = LeakageRole.FIT, filtersRows = true,
        doc = """
                Learns bounds per column on the `fit` rows and removes the `data` rows outside them in any listed column. \
                `zscore` keeps mean ± threshold·sd; `iqr` keeps [Q1 - factor·IQR, Q3 + factor·IQR] (Tukey's fences), which a \
                single wild value cannot stretch, whereas it inflates the very sd the z-score judges it by. Missing cells are \
                not outliers. The removed rows come out on `removed`, so you can look at them before trusting the rule. There \
                is deliberately no state to apply to the test rows: the model will meet unusual samples in use, and removing \
                them from the test set only would flatter its score (leakage rule L10). Clean the training rows; report the \
                score on all test rows.""")
public final class OutlierRemovalNode implements Node<OutlierRemovalNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to check; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Rule for the bounds", def = "\"iqr\"") Method method,
            @Param(doc = "zscore: keep values within this many standard deviations of the mean", def = "3", min = 0.5) double threshold,
            @Param(doc = "iqr: keep values within this many interquartile ranges beyond the quartiles", def = "1.5", min = 0) double factor) {
    }

    /** Stored as "iqr" or "zscore". */
    public enum Method { IQR, ZSCORE }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the bounds are learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to clean (usually the same training rows)");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows within the bounds");
    static final OutPort<Table> REMOVED = OutPort.of("removed", DataKind.TABLE, Table.class, "The rows outside them, for inspection");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = FitAndData.numeric(in, FIT, DATA, p.columns());
        TableSpec out = fd.fitted(fd.data());
        return fd.planned(Specs.builder().put(OUT, out).put(REMOVED, out));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        Table data = in.get(DATA);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        boolean[] outside = new boolean[data.rowCount()];
        for (String c : cols) {
            ctx.checkCancelled();
            double[] b = bounds(FitRows.sortedValues(fit.numeric(c)), p);
            double[] v = data.numeric(c).values();
            for (int i = 0; i < v.length; i++) {
                outside[i] |= v[i] < b[0] || v[i] > b[1]; // NaN compares false: missing is not an outlier
            }
        }
        int[] kept = IntStream.range(0, outside.length).filter(i -> !outside[i]).toArray();
        int[] removed = IntStream.range(0, outside.length).filter(i -> outside[i]).toArray();
        if (kept.length == 0 && outside.length > 0) {
            throw new NodeFailure("Every row is outside the bounds learnt on the fit rows.",
                    "Check that 'fit' and 'data' hold the same kind of rows, or widen the rule.");
        }
        return Outputs.of(OUT, data.rows(kept), REMOVED, data.rows(removed));
    }

    /** [low, high] from sorted fit values. */
    static double[] bounds(double[] sorted, Params p) {
        if (p.method() == Method.ZSCORE) {
            double[] ms = StandardizeNode.meanAndSd(sorted);
            return new double[] {ms[0] - p.threshold() * ms[1], ms[0] + p.threshold() * ms[1]};
        }
        double q1 = FitRows.quantile(sorted, 0.25);
        double q3 = FitRows.quantile(sorted, 0.75);
        return new double[] {q1 - p.factor() * (q3 - q1), q3 + p.factor() * (q3 - q1)};
    }
}
