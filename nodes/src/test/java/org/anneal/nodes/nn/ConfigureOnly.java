package org.anneal.nodes.nn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.nn.Network;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

/** Validates a workflow (every node's configure) and nothing else; loaded in a class loader of its own by a test. */
public final class ConfigureOnly {
    private ConfigureOnly() {
    }

    /** The problems and every network block's summary, one per line. */
    public static String validate(String file) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(Path.of(file));
        List<Node<?>> nodes = new ArrayList<>();
        ServiceLoader.load(Node.class, ConfigureOnly.class.getClassLoader()).forEach(n -> nodes.add(n));
        nodes.add(new ShapeInput());
        Validation v = new Validator(new NodeRegistry(nodes)).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        StringBuilder out = new StringBuilder();
        v.problems().forEach(p -> out.append("problem: ").append(p.message()).append('\n'));
        v.outSpecs().forEach((node, specs) -> specs.asMap().values().stream().filter(NetworkSpec.class::isInstance)
                .forEach(s -> out.append(node).append(' ').append(((NetworkSpec) s).summary()).append('\n')));
        return out.toString();
    }

    /** A network input of any sample shape without a table: sequences have no generator yet. Validation only. */
    @NodeType(id = "test.shape-input", title = "Shape input", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Test.")
    public static final class ShapeInput implements Node<ShapeInput.Params> {
        public record Params(@Param(doc = "Sample shape", def = "[4]", min = 1) List<Integer> shape) {
        }

        static final OutPort<Network> OUT = OutPort.of("network", DataKind.NETWORK, Network.class, "it");

        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            return Specs.of(OUT, NetworkSpec.input(List.of("x"), p.shape(), null));
        }

        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            throw new AssertionError("a stand-in block for validation only; never run");
        }
    }
}
