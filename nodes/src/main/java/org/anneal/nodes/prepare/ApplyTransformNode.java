package org.anneal.nodes.prepare;

import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
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
import org.anneal.spec.TransformerSpec;

@NodeType(id = "prepare.apply", title = "Apply fitted transform", phase = Phase.PREPARE, role = LeakageRole.APPLY,
        doc = "Applies state learnt by a preparation node (for example Standardize's `state`) to other rows, typically the "
                + "test set. Nothing is learnt here, so the test rows stay unseen.")
public final class ApplyTransformNode implements Node<ApplyTransformNode.Params> {

    public record Params() {
    }

    static final InPort<FittedTransform> STATE = InPort.of("state", DataKind.TRANSFORMER, FittedTransform.class, "State learnt elsewhere");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to transform");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "Transformed rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TransformerSpec state = in.transformer(STATE);
        TableSpec data = in.table(DATA);
        for (String c : state.reads()) {
            if (data.column(c).isEmpty()) {
                throw ConfigError.atPort(DATA.name(), "The table on 'data' lacks the column '" + c + "' the state was learnt on.",
                        "Apply the state to a table with the same columns as the one it was fitted on.");
            }
        }
        Specs out = Specs.of(OUT, state.applyTo(data).withLineage(data.lineage().fittedWith(state.lineage())));
        return state.keepsSubset() ? out.withRunTimeColumns(OUT, Specs.RunTimeColumns.SUBSET) : out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(OUT, in.get(STATE).apply(in.get(DATA)));
    }
}
