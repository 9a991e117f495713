package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.TransformerSpec;
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

@NodeType(id = "prepare.log", title = "Log / Box-Cox", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Compresses right-skewed columns (grain sizes, creep rates, concentrations): `log` takes ln x (x > 0), `log1p` \
                takes ln(1 + x) (x > -1, for counts and fractions that can be 0), `box-cox` applies (x^λ - 1)/λ with one λ per \
                column chosen by maximum likelihood on the `fit` rows so that the result is as close to normal as a power can \
                make it (λ = 1 leaves the shape alone, 0 is the log). Only `box-cox` learns anything, so only it needs `fit`; \
                feed `state` into an Apply node to transform other rows with the same λ. A value outside the domain is an \
                error that names the column and row. λ is searched in [-5, 5]; the Box-Cox fit is written here (Tribuo has \
                none) and matches scipy.stats.boxcox.""")
public final class LogTransformNode implements Node<LogTransformNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to transform; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Transform", def = "\"log\"") LogTransform.Method method) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows λ is learnt from (box-cox only; the training rows)")
            .fitting().optional();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to transform");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The transformed rows");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The transform and its λ per column, to apply to other rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec fit = in.table(FIT);
        TableSpec data = in.table(DATA);
        boolean learns = p.method() == LogTransform.Method.BOX_COX;
        if (learns && fit == null) {
            throw ConfigError.atPort(FIT.name(), "Box-Cox learns λ from the 'fit' rows, and nothing is connected there.",
                    "Connect 'fit' to the training rows (the split's 'train' output).");
        }
        List<String> cols = ScalingSpecs.columns(fit != null ? fit : data, p.columns(), "columns");
        ScalingSpecs.requireIn(data, cols, DATA.name());
        if (!learns) {
            TransformerSpec stateless = new TransformerSpec(cols, List.of(), List.of(), Lineage.UNSPLIT);
            return Specs.of(OUT, data, STATE, stateless).withPlan(new ColumnPlan(cols));
        }
        return Specs.of(OUT, data.withLineage(data.lineage().fittedWith(fit.lineage())), STATE, TransformerSpec.learntFrom(fit.lineage(), cols)).withPlan(new ColumnPlan(cols));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table data = in.get(DATA);
        Table fit = p.method() == LogTransform.Method.BOX_COX ? in.get(FIT) : null;
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[] lambdas = new double[cols.size()];
        if (fit != null) {
            for (int j = 0; j < cols.size(); j++) {
                ctx.checkCancelled();
                lambdas[j] = lambda(fit.numeric(cols.get(j)));
                ctx.progress((j + 1.0) / (2 * cols.size()));
            }
        }
        LogTransform state = new LogTransform(p.method(), cols, lambdas);
        return Outputs.of(OUT, state.apply(data), STATE, state);
    }

    private static double lambda(NumericColumn c) {
        double[] x = FitRows.sortedValues(c);
        if (x[0] <= 0) {
            throw new NodeFailure("Column '" + c.name() + "' has the value " + x[0] + " in the fit rows; Box-Cox needs values above 0.",
                    "Use 'log1p', shift the column to positive values, or leave '" + c.name() + "' out of 'columns'.");
        }
        if (x[0] == x[x.length - 1]) {
            throw new NodeFailure("Column '" + c.name() + "' has the same value in every fit row, so no λ can be learnt.",
                    "Leave '" + c.name() + "' out of 'columns'.");
        }
        return BoxCox.fitLambda(x);
    }
}
