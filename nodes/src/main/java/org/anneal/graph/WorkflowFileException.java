package org.anneal.graph;

import java.util.List;

/** The file cannot be read as a workflow at all; each problem is located in the file. */
public final class WorkflowFileException extends Exception {
    private final List<Problem> problems;

    public WorkflowFileException(List<Problem> problems) {
        super(problems.isEmpty() ? "unreadable workflow" : problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public WorkflowFileException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
