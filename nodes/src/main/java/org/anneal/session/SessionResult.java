package org.anneal.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.lineage.Finding;
import org.anneal.provenance.RunReport;

/**
 * Everything one pass of validate → static findings → run → run-time findings produced.
 *
 * @param dynamicFindings the run-time leakage findings; empty when the options asked for none or the run timed out
 * @param timedOut        the run was cancelled because it reached the options' time limit
 */
public record SessionResult(Checked checked, RunResult run, List<Finding> dynamicFindings, boolean timedOut) {
    public SessionResult {
        dynamicFindings = List.copyOf(dynamicFindings);
    }

    public Validation validation() {
        return checked.validation();
    }

    public List<Finding> staticFindings() {
        return checked.staticFindings();
    }

    /** Static findings, then run-time ones: the order every report lists them in. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(staticFindings());
        all.addAll(dynamicFindings);
        return all;
    }

    /** The results JSON of {@code anneal run}: metrics, timings, problems, findings, provenance. */
    public ObjectNode report() {
        return RunReport.build(validation(), run, List.of(), findings());
    }
}
