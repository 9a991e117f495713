package org.anneal.lineage;

import java.util.List;
import org.anneal.exec.WorkflowCheck;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;

/** The leakage block's thresholds ({@link DynamicChecks.Thresholds#of}): an unknown name or a bad value, located. */
public final class ThresholdsCheck implements WorkflowCheck {
    @Override
    public List<Problem> check(LoadedWorkflow lw) {
        try {
            DynamicChecks.Thresholds.of(lw.workflow());
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(Problem.error("leakage.threshold", e.getMessage(),
                    "Fix the name or value under \"leakage\": {\"thresholds\": …}; the README's \"Leakage analysis\" lists the thresholds and their defaults.")
                    .at(lw.locations().at("/leakage/thresholds")));
        }
    }
}
