package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;

/**
 * Importance → column selection as a visible wire (issue 16, family 3). The importance table was measured on some rows
 * (explain.permutation-importance and explain.shap on their {@code data} rows, explain.coefficients on the model's
 * training rows); the kept columns then shape every model fitted downstream. So the rows behind the importance travel
 * in the output's lineage as <em>chosen on</em> (not fitted on: no statistic of them is applied to a row), and the
 * leakage analysis can tell a selection made on the test rows (rule L13) from an honest one.
 */
@NodeType(id = "prepare.select-by-importance", title = "Select by importance", phase = Phase.PREPARE, role = LeakageRole.APPLY,
        usesSeed = false,
        doc = """
                Keeps the features an importance table ranks highest: the table's first text column names the feature, its \
                first numeric column scores it (permutation importance, mean |SHAP|, or a coefficient, ranked by magnitude). \
                Keeps at most `k` features whose magnitude is above `threshold`, drops every other feature of `data`, and \
                hands the choice on as a state for an Apply node. Measure the importance on training or validation rows: \
                importance measured on the test rows lets the test set decide which features the final model gets, and the \
                test score is no longer honest.""")
public final class SelectByImportanceNode implements Node<SelectByImportanceNode.Params> {

    public record Params(@Param(doc = "Most features to keep", def = "5", min = 1, max = 1000000) int k,
                         @Param(doc = "Keep only features whose importance magnitude is above this", def = "0", min = 0) double threshold) {
    }

    static final InPort<Table> IMPORTANCE = InPort.of("importance", DataKind.TABLE, Table.class,
            "One row per feature: its name and its importance (from explain.permutation-importance, explain.shap or explain.coefficients)");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to reduce (the training rows)");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with only the kept features");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "Which features were kept, to apply to other rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec importance = in.table(IMPORTANCE);
        TableSpec data = in.table(DATA);
        if (importance.columns().stream().noneMatch(c -> c.type() == ColumnType.CATEGORICAL)
                || importance.columns().stream().noneMatch(ColumnSpec::isNumeric)) {
            throw ConfigError.atPort(IMPORTANCE.name(), "The importance table needs a column of feature names and a numeric importance column.",
                    "Connect the importance output of explain.permutation-importance, the summary of explain.shap or the table of explain.coefficients.");
        }
        if (data.features().isEmpty()) {
            throw ConfigError.atPort(DATA.name(), "There are no features to select from.", "Check the column roles at the data source.");
        }
        Lineage chosen = choiceOf(importance.lineage());
        // the state is "learnt" on the data rows, as a selector fitted there would be; the importance rows only chose it
        Lineage selection = new Lineage(data.lineage().partition(), chosen.fittedOn(), chosen.chosenOn());
        TransformerSpec state = new TransformerSpec(List.of(), List.of(), List.of(), selection, true);
        return Specs.of(OUT, data.withLineage(data.lineage().fittedWith(selection)), STATE, state)
                .withRunTimeColumns(OUT, Specs.RunTimeColumns.SUBSET);
    }

    /** The rows the importance was measured on become rows that chose the features; what fitted its model stays fitted-on. */
    static Lineage choiceOf(Lineage importance) {
        return new Lineage(importance.partition(), importance.fittedOn(), importance.chosenOn()).chosenOn(Set.of(importance.partition()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table importance = in.get(IMPORTANCE);
        Table data = in.get(DATA);
        CategoricalColumn names = (CategoricalColumn) importance.columns().stream().filter(c -> c instanceof CategoricalColumn).findFirst()
                .orElseThrow(() -> new NodeFailure("The importance table has no column of feature names.", "Connect an importance table."));
        NumericColumn scores = (NumericColumn) importance.columns().stream().filter(c -> c instanceof NumericColumn).findFirst()
                .orElseThrow(() -> new NodeFailure("The importance table has no numeric column.", "Connect an importance table."));
        List<String> features = data.spec(Lineage.UNSPLIT).features().stream().map(ColumnSpec::name).toList();
        List<double[]> ranked = new ArrayList<>(); // {|importance|, row}
        for (int i = 0; i < names.size(); i++) {
            double s = Math.abs(scores.values()[i]);
            if (features.contains(names.get(i)) && !Double.isNaN(s) && s > p.threshold()) {
                ranked.add(new double[] {s, i});
            }
        }
        ranked.sort(Comparator.comparingDouble((double[] a) -> -a[0]).thenComparingDouble(a -> a[1]));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(p.k(), ranked.size()); i++) {
            kept.add(names.get((int) ranked.get(i)[1]));
        }
        if (kept.isEmpty()) {
            throw new NodeFailure("No feature of 'data' has an importance above " + p.threshold() + " in the importance table.",
                    "Lower the threshold, or check that the importance was measured for the same features.");
        }
        List<String> dropped = features.stream().filter(f -> !kept.contains(f)).toList();
        ColumnSelection selection = new ColumnSelection(kept, dropped);
        return Outputs.of(OUT, selection.apply(data), STATE, selection);
    }
}
