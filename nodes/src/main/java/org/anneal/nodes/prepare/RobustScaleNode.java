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

@NodeType(id = "prepare.robust", title = "Robust scale", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Centres each column on its median and divides by its interquartile range, both learnt on the `fit` rows: z = \
                (x - median) / (Q3 - Q1). Unlike Standardize, a few extreme values (a mis-typed hardness, a cracked specimen) \
                barely move the median and quartiles, so the bulk of the data keeps a sensible scale. Quantiles interpolate \
                linearly between order statistics (type 7, as in R and NumPy). A column whose quartiles coincide is only \
                centred. Feed `state` into an Apply node to scale other rows with the same numbers. Written here because \
                Tribuo offers no robust scaler.""")
public final class RobustScaleNode implements Node<RobustScaleNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to scale; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Lower quantile of the range, in percent", def = "25", min = 0, max = 50) double lower,
            @Param(doc = "Upper quantile of the range, in percent", def = "75", min = 50, max = 100) double upper,
            @Param(doc = "Subtract the median", def = "true") boolean centre,
            @Param(doc = "Divide by the range between the quantiles", def = "true") boolean scale) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the medians and quartiles are learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to scale");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The scaled rows");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The learnt medians and ranges, to apply to other rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (p.lower() >= p.upper()) {
            throw ConfigError.atParam("lower", "The lower quantile (" + p.lower() + " %) is not below the upper one (" + p.upper() + " %).",
                    "Use for example 25 and 75 (the quartiles) or 10 and 90.");
        }
        FitAndData fd = FitAndData.numeric(in, FIT, DATA, p.columns());
        return fd.planned(fd.outputs(OUT, STATE, fd.state()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[] centre = new double[cols.size()];
        double[] scale = new double[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            ctx.checkCancelled();
            double[] sorted = FitRows.sortedValues(fit.numeric(cols.get(j)));
            double range = FitRows.quantile(sorted, p.upper() / 100) - FitRows.quantile(sorted, p.lower() / 100);
            centre[j] = p.centre() ? FitRows.quantile(sorted, 0.5) : 0;
            scale[j] = p.scale() && range > 0 ? range : 1;
            ctx.progress((j + 1.0) / (2 * cols.size()));
        }
        ColumnScaling state = new ColumnScaling("Robust scaling", cols, centre, scale);
        return Outputs.of(OUT, state.apply(in.get(DATA)), STATE, state);
    }
}
