package org.anneal.exec;

import java.util.List;
import java.util.ServiceLoader;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;

/**
 * A check of a workflow block that a layer above the engine owns, such as the leakage block's thresholds. The
 * {@link Validator} runs every check found with {@link ServiceLoader}, so a typo there is a located problem before
 * anything runs, while the engine never names the leakage package.
 */
public interface WorkflowCheck {
    /** Problems with the block, each located in the file; empty when it is absent or fine. */
    List<Problem> check(LoadedWorkflow workflow);

    /** The checks on the class path (read once: the list never changes while Anneal runs). */
    static List<WorkflowCheck> installed() {
        return Installed.CHECKS;
    }

    /** Holder, so the service file is read on first use and not when the interface loads. */
    final class Installed {
        private static final List<WorkflowCheck> CHECKS = ServiceLoader.load(WorkflowCheck.class, WorkflowCheck.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();

        private Installed() {
        }
    }
}
