package org.anneal.nodes.split;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.anneal.data.Table;
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
import org.anneal.spec.Partition;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.SplitStrategy;
import org.anneal.spec.TableSpec;

@NodeType(id = "split.three-way", title = "Train/validation/test split", phase = Phase.PREPARE, role = LeakageRole.SPLIT,
        split = SplitStrategy.RANDOM,
        doc = """
                Splits rows at random into training, validation and test sets. Fit on `train`; choose hyperparameters, models \
                or features on `validation`; score the final choice once on `test`. Choosing on the test set would make its \
                score optimistic, because the choice itself was fitted to it.""")
public final class ThreeWaySplitNode implements Node<ThreeWaySplitNode.Params> {

    public record Params(
            @Param(doc = "Fraction of rows for validation", def = "0.2", min = 0.01, max = 0.9) double validation,
            @Param(doc = "Fraction of rows for the final test", def = "0.2", min = 0.01, max = 0.9) double test,
            @Param(doc = "What the test score claims (issue 16): a random split honestly tests known materials only", def = "\"unstated\"")
            org.anneal.spec.Claim claim) implements org.anneal.spec.Claim.Declared {
        /** Without a claim (callers from before issue 16). */
        public Params(double validation, double test) {
            this(validation, test, org.anneal.spec.Claim.UNSTATED);
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to split");
    static final OutPort<Table> TRAIN = OutPort.of("train", DataKind.TABLE, Table.class, "Rows for fitting");
    static final OutPort<Table> VALIDATION = OutPort.of("validation", DataKind.TABLE, Table.class, "Rows for choosing");
    static final OutPort<Table> TEST = OutPort.of("test", DataKind.TABLE, Table.class, "Rows for the final score only");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (p.validation() + p.test() >= 0.95) {
            throw ConfigError.atParam("test", "Validation and test together take " + (p.validation() + p.test()) * 100 + " % of the rows; "
                    + "too little is left to train on.", "Keep validation + test below 0.95 (0.4 is typical).");
        }
        TableSpec t = in.table(TABLE);
        return Specs.builder().put(TRAIN, SplitSpecs.side(t, ctx.nodeId(), Partition.Side.TRAIN))
                .put(VALIDATION, SplitSpecs.side(t, ctx.nodeId(), Partition.Side.VALIDATION))
                .put(TEST, SplitSpecs.side(t, ctx.nodeId(), Partition.Side.TEST)).build();
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        int n = t.rowCount();
        if (n < 3) {
            throw new NodeFailure("The table has " + n + " row(s); a three-way split needs at least 3.", "Check the data source.");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int nTest = Math.max(1, (int) Math.round(p.test() * n));
        int nVal = Math.max(1, (int) Math.round(p.validation() * n));
        if (nTest + nVal >= n) {
            throw new NodeFailure("Too few rows (" + n + ") to keep training rows after validation and test.", "Use more rows or smaller fractions.");
        }
        int[] test = sorted(Arrays.copyOfRange(order, 0, nTest));
        int[] val = sorted(Arrays.copyOfRange(order, nTest, nTest + nVal));
        int[] train = sorted(Arrays.copyOfRange(order, nTest + nVal, n));
        return Outputs.builder().put(TRAIN, t.rows(train)).put(VALIDATION, t.rows(val)).put(TEST, t.rows(test)).build();
    }

    private static int[] sorted(int[] a) {
        Arrays.sort(a);
        return a;
    }
}
