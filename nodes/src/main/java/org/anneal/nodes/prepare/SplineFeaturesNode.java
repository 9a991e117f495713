package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
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

@NodeType(id = "prepare.spline", title = "Spline features", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Replaces each listed column x by a B-spline basis: `knots + degree + 1` columns `x_bs0`, `x_bs1`, ... of \
                smooth bumps that a linear model (Ridge) combines into a flexible curve in x, without the wild swings of a \
                high-degree polynomial near the ends (compare them on the Runge function). The boundary knots are the smallest \
                and largest value of the `fit` rows; the interior knots sit at equally spaced quantiles of the fit rows (more \
                knots where there is more data) or equally spaced between the boundaries. Rows beyond the fitted range are \
                clamped to it, so the curve continues flat. The basis sums to 1 (it contains the intercept), so fit it with \
                some regularisation. Feed `state` into an Apply node for the test rows. Written here because Tribuo has no \
                spline basis.""")
public final class SplineFeaturesNode implements Node<SplineFeaturesNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to expand; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Number of interior knots", def = "5", min = 1, max = 100) int knots,
            @Param(doc = "Degree of the pieces (3 = cubic)", def = "3", min = 1, max = 5) int degree,
            @Param(doc = "Where the interior knots go", def = "\"quantiles\"") Placement placement,
            @Param(doc = "Keep the original column next to its basis", def = "false") boolean keepOriginal) {
    }

    /** Interior knots at quantiles of the fit rows, or evenly over the range. */
    public enum Placement { QUANTILES, UNIFORM }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the knots are placed on (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to expand");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with basis columns");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class, "The knots, to expand other rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = FitAndData.numeric(in, FIT, DATA, p.columns());
        return BasisExpansion.specs(fd, "bs", SplineBasis.count(p.knots(), p.degree()), p.keepOriginal(), OUT, STATE, DATA.name());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[][] knots = new double[cols.size()][];
        for (int j = 0; j < cols.size(); j++) {
            ctx.checkCancelled();
            double[] x = FitRows.spread(fit.numeric(cols.get(j)), "knots");
            double lo = x[0];
            double hi = x[x.length - 1];
            double[] interior = new double[p.knots()];
            for (int k = 0; k < interior.length; k++) {
                double q = (k + 1.0) / (p.knots() + 1);
                interior[k] = p.placement() == Placement.UNIFORM ? lo + q * (hi - lo) : FitRows.quantile(x, q);
            }
            knots[j] = SplineBasis.clamped(lo, hi, interior, p.degree());
        }
        SplineBasis state = new SplineBasis(cols, p.degree(), knots, p.keepOriginal());
        return Outputs.of(OUT, state.apply(in.get(DATA)), STATE, state);
    }
}
