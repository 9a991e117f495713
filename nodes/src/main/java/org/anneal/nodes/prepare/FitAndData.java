package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.InPort;
import org.anneal.spec.Lineage;
import org.anneal.spec.OutPort;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;

/**
 * Where the configure step of a node with {@code fit} and {@code data} tables starts (scalers, encoders, basis
 * expansions, PCA, NMF, clustering): both specs, and the columns it works on, resolved on the fit rows and checked in
 * the data rows. Its outputs are the data rows marked as fitted on the fit rows and a state learnt from them; the
 * columns go to execute as the plan, so execute never resolves them again.
 */
public record FitAndData(TableSpec fit, TableSpec data, List<String> columns) {

    /** Resolves the columns a node works on from the fit rows' spec. */
    @FunctionalInterface
    public interface Columns {
        List<String> on(TableSpec fit) throws ConfigError;
    }

    /** Fails when the data rows lack (or hold the wrong kind of) one of the columns. */
    @FunctionalInterface
    public interface Check {
        void in(TableSpec data, List<String> columns) throws ConfigError;
    }

    public static FitAndData of(Specs in, InPort<Table> fit, InPort<Table> data, Columns columns, Check check) throws ConfigError {
        TableSpec f = in.table(fit);
        TableSpec d = in.table(data);
        List<String> cols = columns.on(f);
        check.in(d, cols);
        return new FitAndData(f, d, cols);
    }

    /** The listed numeric columns (every numeric feature when none are listed), each numeric in the data rows too. */
    public static FitAndData numeric(Specs in, InPort<Table> fit, InPort<Table> data, List<String> listed) throws ConfigError {
        return of(in, fit, data, f -> ScalingSpecs.columns(f, listed, "columns"), (d, cols) -> ScalingSpecs.requireIn(d, cols, data.name()));
    }

    /** Every column present in the data rows, of any type (the fit rows decided which ones). */
    public static Check present(String param) {
        return (d, cols) -> d.requireColumns(cols, param);
    }

    /** {@code rows} (the data rows, or what a state makes of them) marked as fitted on the fit rows. */
    public TableSpec fitted(TableSpec rows) {
        return rows.withLineage(data.lineage().fittedWith(fit.lineage()));
    }

    /** The lineage of what is learnt from the fit rows (a state, a plot, a table of centres). */
    public Lineage learnt() {
        return Lineage.learntFrom(fit.lineage());
    }

    /** A state learnt on the fit rows that reads the columns and keeps the table's columns as they are. */
    public TransformerSpec state() {
        return TransformerSpec.learntFrom(fit.lineage(), columns);
    }

    /** A state learnt on the fit rows that reads the columns, removes {@code removes} and makes {@code produces}. */
    public TransformerSpec state(List<String> removes, List<ColumnSpec> produces) {
        return TransformerSpec.learntFrom(fit.lineage(), columns, removes, produces);
    }

    /** {@code out}: the data rows as {@code state} makes them, fitted; {@code statePort}: the state. Add further outputs, then {@link #planned}. */
    public Specs.Builder outputs(OutPort<Table> out, OutPort<FittedTransform> statePort, TransformerSpec state) {
        return Specs.builder().put(out, fitted(state.applyTo(data))).put(statePort, state);
    }

    /** The outputs, with the columns as the plan execute reads. */
    public Specs planned(Specs.Builder outputs) {
        return outputs.build().withPlan(new ColumnPlan(columns));
    }
}
