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

@NodeType(id = "prepare.rbf", title = "RBF features", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Replaces each listed column x by Gaussian bumps exp(-(x - c)² / (2 w²)), one column `x_rbf0`, `x_rbf1`, ... \
                per centre c. A linear model on them is a smooth curve built from bumps: the same idea as a Gaussian process \
                with fixed centres. The centres come from the `fit` rows: equally spaced from their smallest to their largest \
                value (`grid`) or at equally spaced quantiles (`quantiles`, denser where the data is). The width w defaults to \
                the spacing of a grid of that many centres; a wider w gives a smoother curve. Far from every centre all bumps \
                fade to 0, so predictions fall back to the intercept. Feed `state` into an Apply node for the test rows. \
                Written here because Tribuo has no RBF basis.""")
public final class RbfFeaturesNode implements Node<RbfFeaturesNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to expand; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Number of centres per column", def = "10", min = 2, max = 200) int centres,
            @Param(doc = "Where the centres go", def = "\"grid\"") Placement placement,
            @Param(doc = "Width w in the column's units; 0 = the grid spacing (range / (centres - 1))", def = "0", min = 0) double width,
            @Param(doc = "Keep the original column next to its basis", def = "false") boolean keepOriginal) {
    }

    /** Centres evenly over the range, or at quantiles of the fit rows. */
    public enum Placement { GRID, QUANTILES }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the centres are placed on (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to expand");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with basis columns");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The centres and widths, to expand other rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = FitAndData.numeric(in, FIT, DATA, p.columns());
        return BasisExpansion.specs(fd, "rbf", p.centres(), p.keepOriginal(), OUT, STATE, DATA.name());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[][] centres = new double[cols.size()][p.centres()];
        double[] widths = new double[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            ctx.checkCancelled();
            double[] x = FitRows.spread(fit.numeric(cols.get(j)), "centres");
            double lo = x[0];
            double hi = x[x.length - 1];
            for (int k = 0; k < p.centres(); k++) {
                double q = k / (p.centres() - 1.0);
                centres[j][k] = p.placement() == Placement.GRID ? lo + q * (hi - lo) : FitRows.quantile(x, q);
            }
            widths[j] = p.width() > 0 ? p.width() : (hi - lo) / (p.centres() - 1);
        }
        RbfBasis state = new RbfBasis(cols, centres, widths, p.keepOriginal());
        return Outputs.of(OUT, state.apply(in.get(DATA)), STATE, state);
    }
}
