package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.ColumnTransform;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * The family of {@code prepare.*} fitted transforms: learn a state on the {@code fit} rows, apply it to the {@code data}
 * rows, hand the state on for an Apply node. A member declares its settings, its configure step, which columns it
 * works on ({@link #columns}) and how it learns ({@link #learn}); executing is the same for all of them. A member with
 * a nested {@code pipeline.*} form runs the same two methods inside a learner ({@link org.anneal.nodes.pipeline.TransformStep}).
 *
 * <p>Each member keeps its own four port fields (their descriptions differ, and the docs show them) and hands them to
 * this constructor, so execute reads its inputs by typed port, never by name.
 */
public abstract class FittedTransformNode<P extends Record> implements Node<P>, ColumnTransform<P> {
    private final InPort<Table> fitPort;
    private final InPort<Table> dataPort;
    private final OutPort<Table> outPort;
    private final OutPort<FittedTransform> statePort;

    protected FittedTransformNode(InPort<Table> fit, InPort<Table> data, OutPort<Table> out, OutPort<FittedTransform> state) {
        this.fitPort = fit;
        this.dataPort = data;
        this.outPort = out;
        this.statePort = state;
    }

    /** The columns the transform learns on, resolved from the fit rows' spec; configure, execute and the pipeline form share it. */
    protected abstract List<String> columns(TableSpec fit, P p) throws ConfigError;

    /** Learns the state on {@code fit}, for {@code columns} as {@link #columns} resolved them. */
    protected abstract FittedTransform learn(Table fit, List<String> columns, P p, ExecContext ctx);

    /**
     * The usual configure: the columns stay where they are and only their values change, so {@code out} is the data
     * rows marked as fitted. Members whose output columns differ override it, starting from {@link #fitAndData}.
     */
    @Override
    public Specs configure(Specs in, P p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = fitAndData(in, p);
        return fd.planned(fd.outputs(outPort, statePort, fd.state()));
    }

    /** The fit and data specs, with the columns {@link #columns} resolves on fit, checked in data by {@link #dataCheck}. */
    protected final FitAndData fitAndData(Specs in, P p) throws ConfigError {
        return FitAndData.of(in, fitPort, dataPort, fit -> columns(fit, p), dataCheck());
    }

    /** What the data rows must hold: by default each column, numeric. */
    protected FitAndData.Check dataCheck() {
        return (data, cols) -> ScalingSpecs.requireIn(data, cols, dataPort.name());
    }

    /**
     * In a run, the columns configure planned ({@link ColumnPlan}, for members that leave one); otherwise they are
     * resolved on the fit rows themselves. Settings that do not fit the rows fail the node as configure would have.
     */
    @Override
    public final Outputs execute(Inputs in, P p, ExecContext ctx) {
        Table fit = in.get(fitPort);
        Specs configured = in.configured();
        List<String> cols = configured == null ? null : configured.plan(ColumnPlan.class).map(ColumnPlan::columns).orElse(null);
        FittedTransform state;
        try {
            state = learn(fit, cols != null ? cols : columns(fit.spec(Lineage.UNSPLIT), p), p, ctx);
        } catch (ConfigError e) {
            throw new NodeFailure(e.getMessage(), e.fix());
        }
        return Outputs.of(outPort, state.apply(in.get(dataPort)), statePort, state);
    }

    /** Inside a pipeline: the columns resolved on the training rows given, as the prepare node resolves them. */
    @Override
    public final FittedTransform fit(Table rows, P settings, ExecContext ctx) throws ConfigError {
        return learn(rows, columns(rows.spec(Lineage.UNSPLIT), settings), settings, ctx);
    }
}
