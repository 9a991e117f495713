package org.anneal.nodes.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anneal.nn.MergeLayer;
import org.anneal.nn.Network;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "nn.merge", title = "Merge branches", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Joins two branches of one network: wire the main path to `in` and an earlier block's output to `skip`. \
                `concat` stacks them along the channels (the features of a vector): a 24×24×16 and a 24×24×8 image give \
                24×24×24 — the skip connection of a U-Net, which hands the decoder the fine detail the pooled path lost. `add` \
                sums them element by element (the shapes must be equal): a residual connection. Both wires must start from \
                the same nn.input, and images must have the same height and width (sequences the same length); a mismatch is \
                an error on `skip` that says which sizes differ and whether nn.pool or nn.upsample brings them together. No \
                parameters; a network with a merge trains as a graph (DL4J's ComputationGraph).""")
public final class MergeNode implements Node<MergeNode.Params> {

    public record Params(@Param(doc = "concat stacks channels (U-Net skip); add sums element by element (residual)", def = "\"concat\"")
                         MergeLayer.Mode mode) {
    }

    static final InPort<Network> IN = InPort.of("in", DataKind.NETWORK, Network.class, "The main path");
    static final InPort<Network> SKIP = InPort.of(MergeLayer.SKIP, DataKind.NETWORK, Network.class,
            "The other branch, from the same nn.input (for a U-Net, an encoder block before pooling)");
    static final OutPort<Network> OUT = OutPort.of("out", DataKind.NETWORK, Network.class, "The two branches joined");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        return Specs.of(OUT, merged(LayerBlock.spec(in, IN), LayerBlock.spec(in, SKIP), ctx.nodeId(), p.mode()));
    }

    /**
     * The spec after the merge: every layer of either branch once (the shared ones, added by the same blocks, are counted
     * once, so the total is the network's), then the merge with the joined shape.
     */
    static NetworkSpec merged(NetworkSpec main, NetworkSpec skip, String node, MergeLayer.Mode mode) throws ConfigError {
        if (!main.inputColumns().equals(skip.inputColumns()) || !main.inputShape().equals(skip.inputShape())) {
            throw ConfigError.atPort(SKIP.name(), "The two wires start from different inputs: 'in' reads " + main.inputColumns() + " ("
                    + NetworkSpec.shapeText(main.inputShape()) + "), 'skip' reads " + skip.inputColumns() + " ("
                    + NetworkSpec.shapeText(skip.inputShape()) + ").", "Start both branches from the same nn.input block.");
        }
        Shape out = MergeLayer.combine(new Shape(main.outputShape()), new Shape(skip.outputShape()), mode);
        List<NetworkSpec.Layer> layers = new ArrayList<>(main.layers());
        Set<String> seen = new HashSet<>();
        main.layers().forEach(l -> seen.add(l.node()));
        for (NetworkSpec.Layer l : skip.layers()) {
            if (seen.add(l.node())) {
                layers.add(l);
            }
        }
        layers.add(new NetworkSpec.Layer(node, mode == MergeLayer.Mode.CONCAT ? "concat" : "add", out.dims(), 0));
        return new NetworkSpec(main.inputColumns(), main.inputShape(), main.target(), layers, main.lineage());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(OUT, in.get(IN).then(new MergeLayer(p.mode(), in.get(SKIP))));
    }
}
