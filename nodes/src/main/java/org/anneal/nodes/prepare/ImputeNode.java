package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.PreprocessingStep;
import org.anneal.nodes.pipeline.TransformStep;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
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

@NodeType(id = "prepare.impute", title = "Impute missing values", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Fills missing values with a statistic learnt on the `fit` rows: the mean or median of a numeric column, or the \
                most frequent value (numbers or categories). Like a scaler, the statistic must come from the training rows \
                only: fit on `train`, and fill the test rows with the same numbers through an Apply node.""")
public final class ImputeNode extends FittedTransformNode<ImputeNode.Params> {

    public record Params(
            @Param(doc = "Columns to fill; empty = every feature column", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "What to fill with", def = "\"mean\"") Strategy strategy) {
    }

    /** What a missing value is filled with, learnt on the fit rows. */
    public enum Strategy { MEAN, MEDIAN, MOST_FREQUENT }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the fill values are learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to fill");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with missing values filled");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The learnt fill values, to apply to other rows");

    public ImputeNode() {
        super(FIT, DATA, OUT, STATE);
    }

    /** A categorical column may be filled too (most frequent), so the data rows need each column of any type. */
    @Override
    protected FitAndData.Check dataCheck() {
        return FitAndData.present("columns");
    }

    @Override
    protected List<String> columns(TableSpec t, Params p) throws ConfigError {
        List<String> out = new ArrayList<>();
        List<String> wanted = p.columns().isEmpty()
                ? t.columns().stream().filter(c -> c.role().isUsedAsFeature()).map(ColumnSpec::name).toList() : p.columns();
        for (String name : wanted) {
            ColumnSpec c = t.requireColumn(name, "columns");
            if (c.isTensor()) {
                if (p.columns().isEmpty()) {
                    continue; // a missing image or spectrum is not made up from the others
                }
                throw ConfigError.atParam("columns", "Column '" + name + "' holds a tensor per row, which this node cannot fill in.",
                        "Remove it from 'columns', or drop the rows where it is missing (prepare.drop-missing).");
            }
            if (c.type() == ColumnType.CATEGORICAL && p.strategy() != Strategy.MOST_FREQUENT) {
                if (p.columns().isEmpty()) {
                    continue; // "every feature" with mean/median means every numeric feature
                }
                throw ConfigError.atParam("strategy", "Column '" + name + "' holds categories; a " + org.anneal.spec.Choices.name(p.strategy()) + " needs numbers.",
                        "Use strategy 'most-frequent' for categorical columns, or a second Impute node.");
            }
            out.add(name);
        }
        return out;
    }

    @Override
    protected ColumnImputation learn(Table fit, List<String> cols, Params p, ExecContext ctx) {
        double[] fill = new double[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            Column c = fit.column(cols.get(j)).orElseThrow();
            fill[j] = c instanceof NumericColumn n ? numericFill(n, p.strategy()) : mode((CategoricalColumn) c);
        }
        return new ColumnImputation(org.anneal.spec.Choices.name(p.strategy()), cols, fill);
    }

    /** With mean or median only the numeric features are filled; most-frequent fills categorical ones too. */
    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        return new Params(step.strategy() == Strategy.MOST_FREQUENT ? features : TransformStep.numeric(train, features), step.strategy());
    }

    @Override
    public String describe(Params settings) {
        return "Impute (" + org.anneal.spec.Choices.name(settings.strategy()) + ")";
    }

    @NodeType(id = "pipeline.impute", title = "Impute (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
            doc = """
                    Puts missing-value imputation in front of a learner: the fill values (mean, median or most frequent value) are \
                    learnt on the rows the learner is trained on — each fold's training rows under Cross-validate — and the same \
                    numbers fill the rows it predicts. Same arithmetic as prepare.impute. With mean or median only numeric \
                    features are filled; most-frequent fills categorical ones too.""")
    public static final class InPipeline extends PipelineStepNode<InPipeline.Params> {
        public record Params(
                @Param(doc = "What to fill with", def = "\"mean\"") Strategy strategy) {
        }

        @Override
        protected PreprocessingStep step(Params p) {
            return new TransformStep<>(new ImputeNode(), new ImputeNode.Params(List.of(), p.strategy()));
        }
    }

    static double numericFill(NumericColumn c, Strategy strategy) {
        double[] v = Arrays.stream(c.values()).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            throw new NodeFailure("Column '" + c.name() + "' has no values in the fit rows to learn a fill value from.", "Leave the column out.");
        }
        return switch (strategy) {
            case MEAN -> Arrays.stream(v).average().orElseThrow();
            case MEDIAN -> median(v);
            case MOST_FREQUENT -> numericMode(v);
        };
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Most frequent value; ties go to the smallest, so the result never depends on row order. */
    static double numericMode(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double best = s[0];
        int bestRun = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = s[i];
            }
            i = j;
        }
        return best;
    }

    static double mode(CategoricalColumn c) {
        int[] counts = new int[c.levels().size()];
        for (int code : c.codes()) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        if (best < 0) {
            throw new NodeFailure("Column '" + c.name() + "' has no values in the fit rows.", "Leave the column out.");
        }
        return best;
    }
}
