package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.PreprocessingStep;
import org.anneal.nodes.pipeline.TransformStep;
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

@NodeType(id = "prepare.one-hot", title = "One-hot encode", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Turns categorical features (crystal structure, alloy family, phase) into numeric 0/1 columns, one per category \
                learnt on the `fit` rows, named `column=category`. The category list is state: learn it on the training rows; \
                a category that only appears in test rows becomes all zeros rather than a column the model never saw.""")
public final class OneHotNode extends FittedTransformNode<OneHotNode.Params> {

    public record Params(@Param(doc = "Categorical features to encode; empty = every categorical feature", hint = Param.Hint.COLUMNS)
                         List<String> columns) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the categories are learnt from").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to encode");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with 0/1 columns instead of categories");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class, "The learnt categories");

    public OneHotNode() {
        super(FIT, DATA, OUT, STATE);
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = fitAndData(in, p);
        // the 0/1 columns depend on the categories, known after fitting; configure shows the encoded columns as gone
        List<ColumnSpec> kept = new ArrayList<>(fd.data().columns().stream().filter(c -> !fd.columns().contains(c.name())).toList());
        return fd.planned(Specs.builder().put(OUT, fd.fitted(fd.data().withColumns(kept))).put(STATE, fd.state()));
    }

    @Override
    protected FitAndData.Check dataCheck() {
        return FitAndData.present("columns");
    }

    @Override
    protected List<String> columns(TableSpec t, Params p) throws ConfigError {
        if (p.columns().isEmpty()) {
            return t.columns().stream().filter(c -> c.role() == ColumnRole.FEATURE && c.type() == ColumnType.CATEGORICAL).map(ColumnSpec::name).toList();
        }
        for (String c : p.columns()) {
            if (t.requireColumn(c, "columns").type() != ColumnType.CATEGORICAL) {
                throw ConfigError.atParam("columns", "Column '" + c + "' already holds numbers.", "Encode only categorical columns.");
            }
        }
        return p.columns();
    }

    @Override
    protected OneHotEncoding learn(Table fit, List<String> cols, Params p, ExecContext ctx) {
        Map<String, List<String>> cats = new LinkedHashMap<>();
        for (String c : cols) {
            CategoricalColumn k = (CategoricalColumn) fit.column(c).orElseThrow();
            TreeSet<String> seen = new TreeSet<>();
            for (int i = 0; i < k.size(); i++) {
                if (k.get(i) != null) {
                    seen.add(k.get(i));
                }
            }
            cats.put(c, List.copyOf(seen));
        }
        return new OneHotEncoding(cats);
    }

    /** Every categorical feature; none, and the rows pass unchanged. */
    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        List<String> cols = TransformStep.categorical(train, features);
        return cols.isEmpty() ? null : new Params(cols);
    }

    @Override
    public String describe(Params settings) {
        return "One-hot";
    }

    @NodeType(id = "pipeline.one-hot", title = "One-hot encode (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
            doc = """
                    Puts one-hot encoding of every categorical feature in front of a learner (as prepare.one-hot): the category \
                    lists are learnt on the rows the learner is trained on, so a category seen only in a held-out fold becomes all \
                    zeros there, exactly as it would for a new sample. A learner that needs numbers takes categorical features \
                    behind it.""")
    public static final class InPipeline extends PipelineStepNode<InPipeline.Params> {
        public record Params() {
        }

        @Override
        protected PreprocessingStep step(Params p) {
            return new TransformStep<>(new OneHotNode(), new OneHotNode.Params(List.of()));
        }

        @Override
        protected boolean encodesCategories() {
            return true;
        }
    }
}
