package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.PreprocessingStep;
import org.anneal.nodes.pipeline.TransformStep;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.TableSpec;

@NodeType(id = "prepare.minmax", title = "Min-max scale", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Learns each column's minimum and maximum on the `fit` rows and maps the `data` rows to [0, 1] with them: x' = \
                (x − min) / (max − min). Test rows outside the training range land outside [0, 1], as they should. Fit on the \
                training rows; apply the state to the test rows.""")
public final class MinMaxNode extends FittedTransformNode<MinMaxNode.Params> {

    public record Params(@Param(doc = "Numeric columns to scale; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the range is learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to scale");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The scaled rows");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class, "The learnt minima and ranges");

    public MinMaxNode() {
        super(FIT, DATA, OUT, STATE);
    }

    @Override
    protected List<String> columns(TableSpec fit, Params p) throws ConfigError {
        return ScalingSpecs.columns(fit, p.columns(), "columns");
    }

    @Override
    protected ColumnScaling learn(Table fit, List<String> cols, Params p, ExecContext ctx) {
        double[] min = new double[cols.size()];
        double[] range = new double[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            NumericColumn c = fit.numeric(cols.get(j));
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : c.values()) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo == Double.POSITIVE_INFINITY) {
                throw new NodeFailure("Column '" + cols.get(j) + "' has no values in the fit rows.", "Leave it out.");
            }
            min[j] = lo;
            range[j] = hi > lo ? hi - lo : 1; // a constant column maps to 0 instead of dividing by zero
        }
        return new ColumnScaling("Min-max", cols, min, range);
    }

    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        return new Params(TransformStep.numeric(train, features));
    }

    @Override
    public String describe(Params settings) {
        return "Min-max";
    }

    @NodeType(id = "pipeline.min-max", title = "Min-max scale (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
            doc = "Puts min-max scaling (as prepare.minmax: x' = (x − min) / (max − min)) in front of a learner; minimum and maximum "
                    + "are learnt on the rows the learner is trained on, so held-out rows may land outside [0, 1], as new samples would.")
    public static final class InPipeline extends PipelineStepNode<InPipeline.Params> {
        public record Params() {
        }

        @Override
        protected PreprocessingStep step(Params p) {
            return new TransformStep<>(new MinMaxNode(), new MinMaxNode.Params(List.of()));
        }
    }
}
