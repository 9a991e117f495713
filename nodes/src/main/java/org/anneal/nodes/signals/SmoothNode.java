package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.LooksAhead;
import org.anneal.spec.NodeType;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "signals.smooth", title = "Smooth signals", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Smooths a signal: a `moving-average` or `median` over `window` samples, or an `exponential` mean with weight \
                `alpha` on the newest sample. `over: signal` smooths each channel of every signal window of a tensor column \
                along its time axis, within the row. `over: rows` smooths a numeric column down time-indexed rows (one row per \
                time step, ordered by the table's time column, each value of `group` its own series) and replaces its values. \
                Alignment: *trailing* uses the sample and the ones before it (what is known at that moment), *centred* the \
                ones around it (no lag, but it reads the future); near the ends the window uses the samples that exist, so \
                the length is kept. A centred window over rows puts later measurements into today's value: the leakage \
                analysis reports it (L8), and a time split after it leaves training rows that saw the test period. Within one \
                signal window a centred window reads only that window's own samples. The exponential mean is always trailing.""")
public final class SmoothNode extends SignalStepNode<SmoothNode.Params> {

    public record Params(
            @Param(doc = "Signal column (over signal) or numeric column (over rows)", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Within each signal window, or down the time-indexed rows", def = "\"signal\"") Over over,
            @Param(doc = "Smoothing method", def = "\"moving-average\"") Method method,
            @Param(doc = "Samples per window (moving average, median)", def = "5", min = 2, max = 100000, tunable = true) int window,
            @Param(doc = "Weight of the newest sample (exponential), 0 < α ≤ 1", def = "0.3", min = 0.001, max = 1) double alpha,
            @Param(doc = "Which samples form the window", def = "\"trailing\"") Alignment alignment,
            @Param(doc = "Over rows: the column whose values each form their own series (run); empty = one series",
                    def = "\"\"", hint = Param.Hint.COLUMN) String group) implements LooksAhead {

        @Override
        public String lookAhead() {
            return over == Over.ROWS && alignment == Alignment.CENTRED && method != Method.EXPONENTIAL
                    ? "a centred window smooths each row with rows recorded after it" : null;
        }

        @Override
        public Map<String, ?> pastOnly() {
            return Map.of("alignment", "trailing");
        }

        @Override
        public String pastOnlyFix() {
            return "a trailing window (alignment 'trailing')";
        }
    }

    public enum Over { SIGNAL, ROWS }

    public enum Method { MOVING_AVERAGE, MEDIAN, EXPONENTIAL }

    /** Which samples form the window of sample i: the ones before it, or the ones around it. */
    public enum Alignment { TRAILING, CENTRED }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (p.over() == Over.SIGNAL) {
            return super.configure(in, p, ctx);
        }
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        if (!c.isNumeric()) {
            throw ConfigError.atParam("column", "Column '" + c.name() + "' " + (c.isTensor() ? "holds a tensor per row" : "does not hold numbers")
                    + "; over rows smooths one number per row.", c.isTensor() ? "Set 'over' to 'signal'." : "Name a numeric column.");
        }
        if (c.role() == ColumnRole.TARGET) {
            throw ConfigError.atParam("column", "'" + c.name() + "' is the target: smoothing it mixes neighbouring answers into each row's.",
                    "Smooth a feature column.");
        }
        if (t.columns().stream().noneMatch(s -> s.role() == ColumnRole.TIME && s.isNumeric())) {
            throw ConfigError.atPort(TABLE.name(), "The rows have no numeric time column to order them by.",
                    "Declare the time stamp column as time at the data source.");
        }
        if (!p.group().isEmpty()) {
            t.requireColumn(p.group(), "group");
        }
        return Specs.of(OUT, t);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        if (p.over() == Over.SIGNAL) {
            return super.execute(in, p, ctx);
        }
        Table t = in.get(TABLE);
        NumericColumn c = t.numeric(p.column());
        double[] out = c.values().clone();
        for (int[] series : TimeSeries.of(t, p.group())) {
            ctx.checkCancelled();
            // missing cells are left missing and skipped by the window, as they are in prepare.rolling
            List<Integer> present = new ArrayList<>();
            for (int r : series) {
                if (!Double.isNaN(out[r])) {
                    present.add(r);
                }
            }
            double[] y = present.stream().mapToDouble(r -> c.get(r)).toArray();
            double[] z = process(y, 1, p);
            for (int k = 0; k < z.length; k++) {
                out[present.get(k)] = z[k];
            }
        }
        Column smoothed = new NumericColumn(c.name(), c.role(), out, c.unit());
        return Outputs.of(OUT, t.with(smoothed));
    }

    @Override
    protected double[] process(double[] y, double dt, Params p) {
        return switch (p.method()) {
            case MOVING_AVERAGE -> Smoothing.movingAverage(y, p.window(), p.alignment());
            case MEDIAN -> Smoothing.median(y, p.window(), p.alignment());
            case EXPONENTIAL -> Smoothing.exponential(y, p.alpha());
        };
    }
}
