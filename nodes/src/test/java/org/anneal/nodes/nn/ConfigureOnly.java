package org.anneal.nodes.nn;

import java.nio.file.Path;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.NodeRegistry;

/** Validates a workflow (every node's configure) and nothing else; loaded in a class loader of its own by a test. */
public final class ConfigureOnly {
    private ConfigureOnly() {
    }

    /** The problems and every network block's summary, one per line. */
    public static String validate(String file) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(Path.of(file));
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        StringBuilder out = new StringBuilder();
        v.problems().forEach(p -> out.append("problem: ").append(p.message()).append('\n'));
        v.outSpecs().forEach((node, specs) -> specs.asMap().values().stream().filter(NetworkSpec.class::isInstance)
                .forEach(s -> out.append(node).append(' ').append(((NetworkSpec) s).summary()).append('\n')));
        return out.toString();
    }
}
