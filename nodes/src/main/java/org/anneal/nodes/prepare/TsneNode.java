package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.NumericColumn;
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

@NodeType(id = "prepare.tsne", title = "t-SNE map", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                A two-dimensional map of the rows for looking at: t-SNE places rows that are near neighbours in the chosen \
                columns near each other, and adds the coordinates as `tsne1` and `tsne2` (role ignore). Draw them with \
                plot.scatter, coloured by a class or a cluster. `perplexity` is roughly how many neighbours each row attends \
                to (5 to 50). Read the map for which rows group together, not for distances between groups or the size of a \
                group, which t-SNE does not keep. It cannot place new rows, so it is not a preprocessing step for a model; and \
                it changes with the seed. Exact t-SNE written out in Anneal (quadratic in the rows, at most 2000), optimised \
                as scikit-learn's exact method; standardize the columns first.""")
public final class TsneNode implements Node<TsneNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns that define the neighbours; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Effective number of neighbours per row", def = "30", min = 2, max = 500) double perplexity,
            @Param(doc = "Optimisation rounds (the first 250 pull clusters apart)", def = "1000", min = 1, max = 100000) int iterations) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to map").fitting();
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with tsne1 and tsne2 added");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        List<String> cols = ScalingSpecs.columns(t, p.columns(), "columns");
        return MapCoordinates.configure(OUT, t, cols, List.of("tsne1", "tsne2"), "t-SNE");
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        int n = t.rowCount();
        if (n > TsneEmbedding.MAX_ROWS) {
            throw new NodeFailure("Exact t-SNE of " + n + " rows would compare " + n + " × " + n + " pairs; the limit is "
                    + TsneEmbedding.MAX_ROWS + " rows.", "Map fewer rows: a subset chosen with data.filter, or one side of a split (split.holdout).");
        }
        double[][] x = new double[n][cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            NumericColumn c = t.numeric(cols.get(j));
            if (c.missingCount() > 0) {
                throw new NodeFailure("Column '" + c.name() + "' has " + c.missingCount() + " missing value(s); t-SNE needs every value.",
                        "Impute the column (prepare.impute) or drop those rows first.");
            }
            for (int i = 0; i < n; i++) {
                x[i][j] = c.get(i);
            }
        }
        TsneEmbedding.Result r = TsneEmbedding.embed(x, p.perplexity(), p.iterations(), ctx.seed(), ctx::checkCancelled);
        return Outputs.of(OUT, MapCoordinates.added(t, List.of("tsne1", "tsne2"), r.y()));
    }
}
