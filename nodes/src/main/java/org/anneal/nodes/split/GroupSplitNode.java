package org.anneal.nodes.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
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
import org.anneal.spec.SplitStrategy;
import org.anneal.spec.TableSpec;

@NodeType(id = "split.group", title = "Group split", phase = Phase.PREPARE, role = LeakageRole.SPLIT, split = SplitStrategy.GROUP,
        doc = """
                Splits whole groups into train and test: every row of a specimen, heat, alloy or micrograph lands on the same \
                side, so the test score says how the model does on groups it has never seen. The group column is the one \
                declared as `group` at the data source. `test` is the fraction of groups held out, drawn reproducibly from the \
                workflow seed.""")
public final class GroupSplitNode implements Node<GroupSplitNode.Params> {

    public record Params(
            @Param(doc = "Fraction of groups held out for testing", def = "0.2", min = 0.01, max = 0.99) double test,
            @Param(doc = "What the test score claims (issue 16): new groups is what a group split tests", def = "\"unstated\"")
            org.anneal.spec.Claim claim) implements org.anneal.spec.Claim.Declared {
        /** Without a claim (callers from before issue 16). */
        public Params(double test) {
            this(test, org.anneal.spec.Claim.UNSTATED);
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a group column");
    static final OutPort<Table> TRAIN = OutPort.of("train", DataKind.TABLE, Table.class, "Rows of the training groups");
    static final OutPort<Table> TEST = OutPort.of("test", DataKind.TABLE, Table.class, "Rows of the held-out groups");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        SplitSpecs.declared(t, ColumnRole.GROUP, "group", "Set 'group' at the data source to the column that says which rows belong together.",
                "which cannot name a group", "Declare as group the column that names each row's specimen or micrograph (an id or a category).");
        return SplitSpecs.trainAndTest(t, ctx.nodeId());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        Column g = t.columns().stream().filter(c -> c.role() == ColumnRole.GROUP).findFirst().orElseThrow();
        Map<String, List<Integer>> rowsByGroup = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (g.isMissing(i)) {
                throw new NodeFailure("Row " + (i + 1) + " has no value in the group column '" + g.name() + "'.",
                        "Every row needs a group; drop rows with a missing group first.");
            }
            rowsByGroup.computeIfAbsent(g.text(i), k -> new ArrayList<>()).add(i);
        }
        List<String> groups = new ArrayList<>(rowsByGroup.keySet());
        if (groups.size() < 2) {
            throw new NodeFailure("There is only " + groups.size() + " group; a group split needs at least 2.", "Check the group column.");
        }
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        for (int i = groups.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            String tmp = groups.get(i);
            groups.set(i, groups.get(j));
            groups.set(j, tmp);
        }
        int k = Math.max(1, Math.min(groups.size() - 1, (int) Math.round(p.test() * groups.size())));
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            (i < k ? test : train).addAll(rowsByGroup.get(groups.get(i)));
        }
        train.sort(null);
        test.sort(null);
        return Outputs.of(TRAIN, t.rows(train.stream().mapToInt(Integer::intValue).toArray()),
                TEST, t.rows(test.stream().mapToInt(Integer::intValue).toArray()));
    }
}
