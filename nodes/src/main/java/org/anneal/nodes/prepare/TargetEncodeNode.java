package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.TransformerSpec;
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
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "prepare.target-encode", title = "Target encoding", phase = Phase.PREPARE, role = LeakageRole.FIT, usesTarget = true,
        doc = "Replaces each category by the mean target of its rows in the `fit` rows (for a two-class target: the share of the "
                + "positive class), shrunk towards the overall mean: (n·mean_c + m·mean) / (n + m) for a category seen n times, with "
                + "smoothing m. Categories not seen while fitting, and missing cells, get the overall mean. It is one number per "
                + "category where one-hot encoding needs a column per category, handy for many alloy grades or suppliers. It learns "
                + "from the target, so fitted on all rows it writes the test targets into the features (rule L3): fit it on the "
                + "training rows and carry `state` to the test rows with an Apply node. Written by hand: "
                + "Tribuo has no target encoder.")
public final class TargetEncodeNode implements Node<TargetEncodeNode.Params> {

    public record Params(
            @Param(doc = "Categorical columns to encode; empty = every categorical feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Smoothing m: how many rows' worth of weight the overall mean gets (0 = raw category means)", def = "10", min = 0,
                    max = 1e6) double smoothing,
            @Param(doc = "For a two-class target: the class whose share is encoded; empty = the target's second category", def = "\"\"")
            String positiveClass) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the category means are learnt from (the training rows)")
            .fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to encode");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with numbers instead of the categories");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The learnt category means, to apply to other rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec fit = in.table(FIT);
        TableSpec data = in.table(DATA);
        fit.requireTarget(FIT.name());
        List<String> cols = columns(fit, p.columns());
        List<ColumnSpec> outCols = new ArrayList<>();
        for (String c : cols) {
            ColumnSpec d = data.column(c).orElseThrow(() -> ConfigError.atPort(DATA.name(),
                    "The table on 'data' lacks the column '" + c + "' that is encoded.", "Encode rows with the same columns as the 'fit' rows."));
            if (!d.isCategorical()) {
                throw ConfigError.atPort(DATA.name(), "Column '" + c + "' holds " + d.type().title() + "s on 'data' but categories on 'fit'.",
                        "Wire both inputs to tables prepared the same way.");
            }
        }
        for (ColumnSpec c : data.columns()) {
            outCols.add(cols.contains(c.name()) ? new ColumnSpec(c.name(), ColumnType.NUMERIC, c.role()) : c);
        }
        return Specs.of(OUT, data.withColumns(outCols).withLineage(data.lineage().fittedWith(fit.lineage())),
                STATE, TransformerSpec.learntFrom(fit.lineage(), cols, List.of(),
                        outCols.stream().filter(c -> cols.contains(c.name())).toList())).withPlan(new ColumnPlan(cols));
    }

    static List<String> columns(TableSpec fit, List<String> listed) throws ConfigError {
        if (listed.isEmpty()) {
            List<String> all = fit.features().stream().filter(ColumnSpec::isCategorical).map(ColumnSpec::name).toList();
            if (all.isEmpty()) {
                throw ConfigError.atPort(FIT.name(), "The table has no categorical feature columns to encode.",
                        "Check the data source's column roles; numeric columns need no encoding.");
            }
            return all;
        }
        for (String name : listed) {
            ColumnSpec c = fit.requireColumn(name, "columns");
            if (c.isNumeric()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' is already numeric.", "Remove it from 'columns'.");
            }
            if (c.isTensor()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds a tensor per row, not categories.", "Remove it from 'columns'.");
            }
            if (c.role() == org.anneal.spec.ColumnRole.TARGET) {
                throw ConfigError.atParam("columns", "Column '" + name + "' is the target itself.", "Remove it from 'columns'.");
            }
        }
        return List.copyOf(listed);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        ctx.checkCancelled();
        TargetEncoding state = TargetEncoding.fit(fit, cols, p.smoothing(), p.positiveClass());
        ctx.progress(0.5);
        return Outputs.of(OUT, state.apply(in.get(DATA)), STATE, state);
    }
}
