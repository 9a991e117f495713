package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
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

@NodeType(id = "prepare.oversample", title = "Oversample rare classes", phase = Phase.PREPARE, role = LeakageRole.STATELESS, expandsRows = true,
        doc = """
                Random oversampling: repeats rows of every class drawn with replacement until each class has as many rows as \
                the largest one (times `ratio`). It balances what a classifier sees while training. Use it on the training \
                rows only: before a split, copies of one row end up on both sides and the test score rises for no reason.""")
public final class OversampleNode implements Node<OversampleNode.Params> {

    public record Params(
            @Param(doc = "Target size of each class relative to the largest class", def = "1.0", min = 0.01, max = 1) double ratio) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a categorical target");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows plus the repeated ones");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec target = t.requireTarget(TABLE.name());
        if (target.type() != ColumnType.CATEGORICAL) {
            throw ConfigError.atPort(TABLE.name(), "Oversampling needs classes, but the target '" + target.name() + "' holds numbers.",
                    "Use it with a categorical target.");
        }
        return Specs.of(OUT, t);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        CategoricalColumn y = (CategoricalColumn) t.target().orElseThrow();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < y.levels().size(); k++) {
            byClass.add(new ArrayList<>());
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            rows.add(i);
            if (y.codes()[i] >= 0) {
                byClass.get(y.codes()[i]).add(i);
            }
        }
        int largest = byClass.stream().mapToInt(List::size).max().orElse(0);
        int wanted = (int) Math.round(p.ratio() * largest);
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        for (List<Integer> members : byClass) {
            for (int extra = members.size(); extra < wanted && !members.isEmpty(); extra++) {
                rows.add(members.get(rnd.nextInt(members.size())));
            }
        }
        return Outputs.of(OUT, t.rows(rows.stream().mapToInt(Integer::intValue).toArray()));
    }
}
