package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.PreprocessingStep;
import org.anneal.nodes.pipeline.TransformStep;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnPlan;
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
import org.anneal.spec.TransformerSpec;

@NodeType(id = "prepare.target-encode", title = "Target encoding", phase = Phase.PREPARE, role = LeakageRole.FIT, usesTarget = true,
        doc = """
                Replaces each category by the mean target of its rows in the `fit` rows (for a two-class target: the share of \
                the positive class), shrunk towards the overall mean: (n·mean_c + m·mean) / (n + m) for a category seen n \
                times, with smoothing m. Categories not seen while fitting, and missing cells, get the overall mean. It is one \
                number per category where one-hot encoding needs a column per category, handy for many alloy grades or \
                suppliers. It learns from the target, so fitted on all rows it writes the test targets into the features (rule \
                L3): fit it on the training rows and carry `state` to the test rows with an Apply node. Written by hand: \
                Tribuo has no target encoder.""")
public final class TargetEncodeNode extends FittedTransformNode<TargetEncodeNode.Params> {

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

    public TargetEncodeNode() {
        super(FIT, DATA, OUT, STATE);
    }

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
    protected List<String> columns(TableSpec fit, Params p) throws ConfigError {
        return columns(fit, p.columns());
    }

    @Override
    protected TargetEncoding learn(Table fit, List<String> cols, Params p, ExecContext ctx) {
        ctx.checkCancelled();
        TargetEncoding state = TargetEncoding.fit(fit, cols, p.smoothing(), p.positiveClass());
        ctx.progress(0.5);
        return state;
    }

    /** The listed (or all) categorical features among the learner's; none, and the rows pass unchanged. */
    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        List<String> cols = new ArrayList<>();
        for (String f : TransformStep.categorical(train, features)) {
            if (step.columns().isEmpty() || step.columns().contains(f)) {
                cols.add(f);
            }
        }
        return cols.isEmpty() ? null : new Params(cols, step.smoothing(), step.positiveClass());
    }

    @Override
    public String describe(Params settings) {
        return "Target-encode (m = " + settings.smoothing() + ")";
    }

    @NodeType(id = "pipeline.target-encode", title = "Target-encode (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
            doc = """
                    Puts target encoding of categorical features in front of a learner (as prepare.target-encode: the smoothed \
                    mean target per category). Target encoding learns from the target, so fitted on all rows it leaks the answer \
                    into the features (rule L3); as a pipeline step it is learnt anew on the training rows of every fold of \
                    Cross-validate, every candidate of Tune and the rows given to Fit, so the held-out rows never inform their own \
                    encoding. A category seen only in held-out rows gets the overall mean of the training rows.""")
    public static final class InPipeline extends PipelineStepNode<InPipeline.Params> {
        public record Params(
                @Param(doc = "Categorical features to encode; empty = every categorical feature", hint = Param.Hint.COLUMNS) List<String> columns,
                @Param(doc = "Smoothing m: how many rows' worth of weight the overall mean gets (0 = raw category means)", def = "10", min = 0,
                        max = 1e6) double smoothing,
                @Param(doc = "For a two-class target: the class whose share is encoded; empty = the target's second category", def = "\"\"")
                String positiveClass) {
        }

        @Override
        protected PreprocessingStep step(Params p) {
            return new TransformStep<>(new TargetEncodeNode(), new TargetEncodeNode.Params(p.columns() == null ? List.of() : p.columns(),
                    p.smoothing(), p.positiveClass() == null ? "" : p.positiveClass()));
        }

        @Override
        protected boolean encodesCategories() {
            return true;
        }
    }
}
