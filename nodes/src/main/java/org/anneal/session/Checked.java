package org.anneal.session;

import java.util.List;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.lineage.Finding;

/**
 * A workflow as far as it can be judged without running it: the validation (problems, configured specs) and the
 * static leakage findings, plus how its files resolve, which the run that may follow reuses.
 *
 * @param staticFindings the leakage analysis of the configured graph; computed even when validation has errors,
 *                       because the editor lists them beside the problems (a command may choose not to print them)
 */
public record Checked(Validation validation, List<Finding> staticFindings, FileAccess files) {
    public Checked {
        staticFindings = List.copyOf(staticFindings);
    }

    public boolean runnable() {
        return !validation.hasErrors();
    }
}
