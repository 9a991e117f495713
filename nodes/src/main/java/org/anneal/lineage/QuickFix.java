package org.anneal.lineage;

import java.util.function.UnaryOperator;
import org.anneal.graph.Workflow;

/**
 * A concrete graph edit that removes a finding: what it does, in words, and the edit itself. The editor
 * applies it with one click; {@code anneal check --fix} applies it to the file.
 */
public record QuickFix(String description, UnaryOperator<Workflow> edit) {
    public Workflow apply(Workflow w) {
        return edit.apply(w);
    }
}
