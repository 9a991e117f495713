package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Network;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;

/**
 * The family of layer blocks ({@code nn.dense}, {@code nn.conv2d}, …). A member is one class: its {@code Params}
 * record is the layer itself ({@link LayerDef}: its settings, output shape, parameter count, and — through a nested
 * {@code Dl4j} class loaded only when a network trains — its DL4J layer). This base declares the {@code in}/{@code out}
 * network ports once and does configure (append the layer to the spec: shape and parameter count, or a located error)
 * and execute (append it to the network value) for every member.
 */
public abstract class LayerBlock<P extends Record & LayerDef> implements Node<P> {
    static final InPort<Network> IN = InPort.of(LayerDef.IN, DataKind.NETWORK, Network.class, "The network so far");
    static final OutPort<Network> OUT = OutPort.of("out", DataKind.NETWORK, Network.class, "The network with this layer added");

    /** The spec on a network input (always a NetworkSpec: only network outputs can feed a network input). */
    static NetworkSpec spec(Specs in, InPort<?> port) {
        return (NetworkSpec) in.get(port.name());
    }

    @Override
    public final Specs configure(Specs in, P layer, ConfigContext ctx) throws ConfigError {
        return Specs.of(OUT, Network.append(spec(in, IN), ctx.nodeId(), layer));
    }

    @Override
    public final Outputs execute(Inputs in, P layer, ExecContext ctx) {
        return Outputs.of(OUT, in.get(IN).then(layer));
    }
}
