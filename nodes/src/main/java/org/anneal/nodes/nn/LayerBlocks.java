package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Network;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;

/**
 * What every layer block shares, so that a block is its parameters and the one {@link LayerDef} they make: the
 * {@code in}/{@code out} network ports, configure (append the layer to the spec: shape and parameter count, or a
 * located error) and execute (append it to the network value).
 */
final class LayerBlocks {
    private LayerBlocks() {
    }

    static InPort<Network> in() {
        return InPort.of(LayerDef.IN, DataKind.NETWORK, Network.class, "The network so far");
    }

    static OutPort<Network> out() {
        return OutPort.of("out", DataKind.NETWORK, Network.class, "The network with this layer added");
    }

    /** The spec on a network input (always a NetworkSpec: only network outputs can feed a network input). */
    static NetworkSpec spec(Specs in, InPort<?> port) {
        return (NetworkSpec) in.get(port.name());
    }

    static Specs configure(Specs in, InPort<Network> inPort, OutPort<Network> outPort, LayerDef layer, ConfigContext ctx) throws ConfigError {
        return Specs.of(outPort, Network.append(spec(in, inPort), ctx.nodeId(), layer));
    }

    static Outputs execute(Inputs in, InPort<Network> inPort, OutPort<Network> outPort, LayerDef layer) {
        return Outputs.of(outPort, in.get(inPort).then(layer));
    }
}
