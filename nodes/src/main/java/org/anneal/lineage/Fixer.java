package org.anneal.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.spec.NodeRegistry;

/** Applies quick fixes one at a time, re-checking after each, until no fixable finding is left. */
public final class Fixer {
    private static final int MAX_ROUNDS = 20;

    public record Result(LoadedWorkflow workflow, List<String> applied, List<Finding> remaining) {
    }

    public static Result fixAll(LoadedWorkflow start, NodeRegistry registry) {
        LoadedWorkflow lw = start;
        List<String> applied = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Validation v = new Validator(registry).validate(lw, FileAccess.unrestricted(lw.baseDir()));
            if (v.hasErrors()) {
                break; // a fix that breaks validation is not a fix; stop and report what is left
            }
            List<Finding> findings = new LeakageAnalyzer().analyze(v);
            Optional<QuickFix> fix = Optional.empty();
            for (Finding f : findings) {
                fix = QuickFixes.forFinding(f, v);
                if (fix.isPresent()) {
                    break;
                }
            }
            if (fix.isEmpty()) {
                return new Result(lw, applied, findings);
            }
            applied.add(fix.get().description());
            lw = new LoadedWorkflow(fix.get().apply(lw.workflow()), lw.file(), lw.locations(), List.of());
        }
        Validation v = new Validator(registry).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        return new Result(lw, applied, v.hasErrors() ? List.of() : new LeakageAnalyzer().analyze(v));
    }
}
