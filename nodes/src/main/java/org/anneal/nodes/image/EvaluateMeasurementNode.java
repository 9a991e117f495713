package org.anneal.nodes.image;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.spec.ColumnSpec;
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
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.measurement", title = "Measurement vs truth", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE, usesSeed = false,
        doc = """
                Compares a quantity measured on every row (a phase fraction from image.segment, an intercept length from \
                prepare.image-features) with its known true value (the generator's truth columns, or a reference \
                measurement): `mae`, the mean absolute difference; `bias`, the mean of measured − true (a method that reads \
                every image too dark has a bias, not just scatter); `mean_relative_error`, the mean of |measured − true| / \
                |true| over rows whose truth is not 0; and `r2`, the share of the truth's spread the measurement follows \
                (1 − SSE/SST). Nothing is fitted: this scores a measuring method, not a model. Rows where either is missing \
                are left out.""")
public final class EvaluateMeasurementNode implements Node<EvaluateMeasurementNode.Params> {

    public record Params(
            @Param(doc = "Numeric column of measured values", required = true, hint = Param.Hint.COLUMN) String measured,
            @Param(doc = "Numeric column of true values", required = true, hint = Param.Hint.COLUMN) String truth) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a measured and a true column");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "mae, bias, mean_relative_error, r2");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        for (String param : new String[] {"measured", "truth"}) {
            ColumnSpec c = t.requireColumn(param.equals("measured") ? p.measured() : p.truth(), param);
            if (!c.isNumeric()) {
                throw ConfigError.atParam(param, "'" + c.name() + "' holds " + c.typeLabel() + ", not numbers.", "Name a numeric column.");
            }
        }
        return Specs.of(METRICS, ValueSpec.of(DataKind.METRICS, t.lineage()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        NumericColumn measured = t.numeric(p.measured());
        NumericColumn truth = t.numeric(p.truth());
        int n = 0;
        double abs = 0;
        double diff = 0;
        double rel = 0;
        int relRows = 0;
        double mean = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (!measured.isMissing(r) && !truth.isMissing(r)) {
                n++;
                mean += truth.get(r);
            }
        }
        if (n == 0) {
            throw new NodeFailure("No row has both '" + p.measured() + "' and '" + p.truth() + "'.", "Check the two columns upstream.");
        }
        mean /= n;
        double sse = 0;
        double sst = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (measured.isMissing(r) || truth.isMissing(r)) {
                continue;
            }
            double e = measured.get(r) - truth.get(r);
            abs += Math.abs(e);
            diff += e;
            sse += e * e;
            sst += (truth.get(r) - mean) * (truth.get(r) - mean);
            if (truth.get(r) != 0) {
                rel += Math.abs(e / truth.get(r));
                relRows++;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mae", abs / n);
        m.put("bias", diff / n);
        m.put("mean_relative_error", relRows == 0 ? Double.NaN : rel / relRows);
        m.put("r2", sst == 0 ? Double.NaN : 1 - sse / sst);
        return Outputs.of(METRICS, new Metrics(Task.REGRESSION, m, n));
    }
}
