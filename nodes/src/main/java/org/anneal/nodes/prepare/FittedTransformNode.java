package org.anneal.nodes.prepare;

import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.ColumnTransform;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;

/**
 * The family of {@code prepare.*} fitted transforms: learn a state on the {@code fit} rows, apply it to the {@code data}
 * rows, hand the state on for an Apply node. A member declares its settings, its configure step and how it learns
 * ({@link ColumnTransform#fit}); executing is the same for all of them. A member with a nested {@code pipeline.*} form
 * runs the same {@code fit} inside a learner ({@link org.anneal.nodes.pipeline.TransformStep}).
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

    /** Settings that do not fit the rows fail the node as configure would have (same message and fix). */
    @Override
    public final Outputs execute(Inputs in, P p, ExecContext ctx) {
        FittedTransform state;
        try {
            state = fit(in.get(fitPort), p, ctx);
        } catch (ConfigError e) {
            throw new NodeFailure(e.getMessage(), e.fix());
        }
        return Outputs.of(outPort, state.apply(in.get(dataPort)), statePort, state);
    }
}
