package org.anneal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.lineage.Finding;
import org.anneal.lineage.QuickFix;
import org.anneal.lineage.QuickFixes;
import org.anneal.spec.NodeRegistry;

/** Applies quick fixes one at a time, re-checking after each, until no fixable finding is left. */
public final class Fixer {
    private static final int MAX_ROUNDS = 20;

    public record Result(LoadedWorkflow workflow, List<String> applied, List<Finding> remaining) {
    }

    public static Result fixAll(LoadedWorkflow start, NodeRegistry registry) {
        WorkflowSession session = WorkflowSession.checking(registry);
        LoadedWorkflow lw = start;
        List<String> applied = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Checked c = session.check(lw);
            if (!c.runnable()) {
                break; // a fix that breaks validation is not a fix; stop and report what is left
            }
            Optional<QuickFix> fix = Optional.empty();
            for (Finding f : c.staticFindings()) {
                fix = QuickFixes.forFinding(f, c.validation());
                if (fix.isPresent()) {
                    break;
                }
            }
            if (fix.isEmpty()) {
                return new Result(lw, applied, c.staticFindings());
            }
            applied.add(fix.get().description());
            lw = new LoadedWorkflow(fix.get().apply(lw.workflow()), lw.file(), lw.locations(), List.of());
        }
        Checked c = session.check(lw);
        return new Result(lw, applied, c.runnable() ? c.staticFindings() : List.of());
    }
}
