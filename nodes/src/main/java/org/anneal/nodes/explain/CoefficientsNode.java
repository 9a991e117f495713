package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "explain.coefficients", title = "Model parameters", phase = Phase.EVALUATE, role = LeakageRole.SINK,
        doc = """
                The learnt parameters of a model as a table: intercept and coefficients of a linear model (on standardized \
                features they compare directly), the length scale and noise of a Gaussian process, and for a tree or forest \
                its size and each feature's share of the splits (which features the trees use; permutation importance says how \
                much each matters on held-out rows).""")
public final class CoefficientsNode implements Node<CoefficientsNode.Params> {

    public record Params() {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted model");
    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per parameter");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(TABLE, new TableSpec(List.of(new ColumnSpec("parameter", ColumnType.CATEGORICAL, ColumnRole.ID),
                new ColumnSpec("value", ColumnType.NUMERIC, ColumnRole.FEATURE)), in.value(MODEL).lineage()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Map<String, Double> params = in.get(MODEL).parameters();
        List<String> names = new ArrayList<>(params.keySet());
        int[] codes = new int[names.size()];
        double[] values = new double[names.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i;
            values[i] = params.get(names.get(i));
        }
        return Outputs.of(TABLE, new Table(List.of(new CategoricalColumn("parameter", ColumnRole.ID, codes, names),
                new NumericColumn("value", ColumnRole.FEATURE, values))));
    }
}
