package org.anneal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowEdits;
import org.anneal.lineage.Finding;
import org.anneal.session.Fixer;
import org.anneal.puzzle.QuickFixPolicy;
import org.anneal.spec.NodeRegistry;

/**
 * {@code anneal check --fix [-o FILE]}: applies the quick fixes and saves the result. A puzzle is refused unless its
 * author allowed quick fixes (then the fixes used are recorded for the verdict); a file saved into another folder
 * has its relative dataset paths rebased, as the editor's "Save as" does, so it still reads the same files.
 */
final class CheckFix {
    private CheckFix() {
    }

    /** The findings left after fixing, or null when quick fixes are not allowed here (a message went to {@code err}). */
    static List<Finding> apply(LoadedWorkflow lw, Path target, PrintWriter out, PrintWriter err) throws IOException {
        if (!QuickFixPolicy.allowed(lw.workflow())) {
            err.println(lw.file() + ": " + QuickFixPolicy.refusal());
            return null;
        }
        NodeRegistry registry = NodeRegistry.standard();
        var result = Fixer.fixAll(lw, registry);
        result.applied().forEach(a -> out.println("fixed: " + a));
        Path newBase = target.toAbsolutePath().normalize().getParent();
        Workflow fixed = QuickFixPolicy.recordUse(result.workflow().workflow(), result.applied());
        boolean moved = !newBase.equals(lw.baseDir().toAbsolutePath().normalize());
        if (moved) {
            fixed = new WorkflowEdits(registry).relocate(fixed, lw.baseDir().toAbsolutePath().normalize(), newBase);
        }
        if (!result.applied().isEmpty() || moved) {
            new WorkflowCodec().save(fixed, target);
            out.println("Saved " + target);
        }
        return result.remaining();
    }
}
