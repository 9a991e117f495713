package org.anneal.nodes.signals;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.FitAndData;
import org.anneal.nodes.prepare.FittedTransformNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "signals.anomaly-score", title = "Anomaly score", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Learns what normal rows look like on the `fit` rows and scores every `data` row by how far it lies from them: \
                `distance` is the Mahalanobis distance of the standardised row from the fit rows' mean (in standard deviations, \
                correlations counted once), `reconstruction` the part of the standardised row that the first `components` \
                principal axes of the fit rows do not explain (the reconstruction error of a linear autoencoder). Adds \
                `<name>` (the score) and `<name>_flag` (1 when the score exceeds the `quantile` of the fit rows' own scores). \
                Feed `fit` with training rows only (filter them to the normal ones to learn 'normal' alone), and score the \
                test rows with `state` through an Apply node: a score learnt on the test rows judges them by themselves. Use \
                it on per-window statistics (signals.statistics) or any numeric features; every value must be present.""")
public final class AnomalyScoreNode extends FittedTransformNode<AnomalyScoreNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns describing a row; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "How the score is computed", def = "\"distance\"") Method method,
            @Param(doc = "Principal axes kept (reconstruction)", def = "2", min = 1, max = 10000, tunable = true) int components,
            @Param(doc = "Share of fit rows below the flag threshold", def = "0.99", min = 0.5, max = 1) double quantile,
            @Param(doc = "Name of the score column", def = "\"anomaly_score\"") String name) {
    }

    public enum Method { DISTANCE, RECONSTRUCTION }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows that define normal (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to score");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the score and the flag added");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The learnt means, axes and threshold, to score other rows with an Apply node");

    public AnomalyScoreNode() {
        super(FIT, DATA, OUT, STATE);
    }

    @Override
    protected List<String> columns(TableSpec fit, Params p) throws ConfigError {
        List<String> cols = p.columns().isEmpty()
                ? fit.columns().stream().filter(c -> c.isNumeric() && c.role().isUsedAsFeature()).map(ColumnSpec::name).toList() : p.columns();
        if (cols.isEmpty()) {
            throw ConfigError.atPort(FIT.name(), "The fit rows have no numeric feature columns to score.", "Compute features first (signals.statistics).");
        }
        for (String c : cols) {
            if (!fit.requireColumn(c, "columns").isNumeric()) {
                throw ConfigError.atParam("columns", "Column '" + c + "' does not hold one number per row.", "List numeric columns only.");
            }
        }
        if (p.method() == Method.RECONSTRUCTION && p.components() >= cols.size()) {
            throw ConfigError.atParam("components", p.components() + " axes of " + cols.size() + " column(s) explain every row exactly: "
                    + "nothing is left to score.", "Keep fewer than " + cols.size() + " components.");
        }
        return cols;
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = fitAndData(in, p);
        for (String n : List.of(p.name(), p.name() + "_flag")) {
            if (fd.data().column(n).isPresent()) {
                throw ConfigError.atParam("name", "The rows already have a column '" + n + "'.", "Choose another name.");
            }
        }
        List<ColumnSpec> made = List.of(new ColumnSpec(p.name(), ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec(p.name() + "_flag", ColumnType.NUMERIC, ColumnRole.FEATURE));
        return fd.planned(fd.outputs(OUT, STATE, fd.state(List.of(), made)));
    }

    @Override
    protected FittedTransform learn(Table fit, List<String> columns, Params p, ExecContext ctx) {
        return AnomalyScoring.learn(fit, columns, p.method() == Method.RECONSTRUCTION, p.components(), p.quantile(), p.name(),
                ctx::checkCancelled);
    }

    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        return new Params(features, step.method(), step.components(), step.quantile(), step.name());
    }

    @Override
    public String describe(Params settings) {
        return "Anomaly score";
    }
}
