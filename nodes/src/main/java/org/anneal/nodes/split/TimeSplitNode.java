package org.anneal.nodes.split;

import java.util.Arrays;
import java.util.Comparator;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
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

@NodeType(id = "split.time", title = "Time split", phase = Phase.PREPARE, role = LeakageRole.SPLIT, split = SplitStrategy.TIME,
        doc = """
                Splits time-ordered rows: the earliest rows train, the latest `test` fraction tests, as when a model is used \
                on tomorrow's furnace log. Rows are ordered by the column declared as `time` at the data source (numeric, or \
                text that sorts in time order such as ISO dates). No row from the future can inform the past. A `gap` (in the time \
                column's unit, numeric time only) drops the test rows recorded within `gap` after the last training row: a \
                row whose lag features or window reach back that far would otherwise share samples with the training rows \
                (set it to the span of the longest window or lag, e.g. (window − 1) × step for overlapping windows).""")
public final class TimeSplitNode implements Node<TimeSplitNode.Params> {

    public record Params(
            @Param(doc = "Fraction of the latest rows held out for testing", def = "0.2", min = 0.01, max = 0.99) double test,
            @Param(doc = "Time after the last training row within which test rows are dropped (time column's unit); 0 = none",
                    def = "0", min = 0) double gap,
            @Param(doc = "What the test score claims (issue 16): future times is what a time split tests", def = "\"unstated\"")
            org.anneal.spec.Claim claim) implements org.anneal.spec.Claim.Declared, org.anneal.spec.TimeGap {
        /** Without a claim (callers from before issue 16). */
        public Params(double test, double gap) {
            this(test, gap, org.anneal.spec.Claim.UNSTATED);
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a time column");
    static final OutPort<Table> TRAIN = OutPort.of("train", DataKind.TABLE, Table.class, "The earlier rows");
    static final OutPort<Table> TEST = OutPort.of("test", DataKind.TABLE, Table.class, "The later rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        var time = SplitSpecs.declared(t, ColumnRole.TIME, "time", "Set 'time' at the data source to the column with time stamps or sequence numbers.",
                "which has no order in time", "Declare as time the column with each row's time stamp or sequence number.");
        if (p.gap() > 0 && !time.isNumeric()) {
            throw ConfigError.atParam("gap", "A gap needs a numeric time column; this one holds text.", "Set 'gap' to 0, or declare a numeric time column.");
        }
        return SplitSpecs.trainAndTest(t, ctx.nodeId());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        Column time = t.columns().stream().filter(c -> c.role() == ColumnRole.TIME).findFirst().orElseThrow();
        int n = t.rowCount();
        if (n < 2) {
            throw new NodeFailure("The table has " + n + " row(s); a split needs at least 2.", "Check the data source.");
        }
        for (int i = 0; i < n; i++) {
            if (time.isMissing(i)) {
                throw new NodeFailure("Row " + (i + 1) + " has no time stamp in '" + time.name() + "'.", "Drop rows without a time first.");
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> byTime = time instanceof NumericColumn num
                ? Comparator.comparingDouble(i -> num.get(i)) : Comparator.comparing(time::text);
        Arrays.sort(order, byTime.thenComparingInt(i -> i)); // stable for equal stamps
        int k = Math.max(1, Math.min(n - 1, (int) Math.round(p.test() * n)));
        int[] train = Arrays.stream(order, 0, n - k).mapToInt(Integer::intValue).toArray();
        int[] test = Arrays.stream(order, n - k, n).mapToInt(Integer::intValue).toArray();
        if (p.gap() > 0) {
            NumericColumn num = (NumericColumn) time;
            double boundary = num.get(order[n - k - 1]);
            test = Arrays.stream(test).filter(i -> num.get(i) > boundary + p.gap()).toArray();
            if (test.length == 0) {
                throw new NodeFailure("A gap of " + p.gap() + " after the last training time " + boundary + " leaves no test rows.",
                        "Make 'gap' smaller or 'test' larger.");
            }
        }
        return Outputs.of(TRAIN, t.rows(train), TEST, t.rows(test));
    }
}
