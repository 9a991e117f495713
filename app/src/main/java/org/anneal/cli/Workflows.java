package org.anneal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowFileException;
import org.anneal.session.Checked;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeRegistry;

/** Loading and validating for the commands, printing problems the same way everywhere. */
final class Workflows {
    private Workflows() {
    }

    /** The loaded workflow, or null after printing why it could not be read. */
    static LoadedWorkflow load(Path file, PrintWriter err) {
        try {
            LoadedWorkflow lw = new WorkflowCodec().read(file);
            lw.notes().forEach(p -> err.println(p.describe()));
            return lw;
        } catch (WorkflowFileException e) {
            err.println("Cannot open " + file + ":");
            e.problems().forEach(p -> err.println(p.describe()));
            return null;
        }
    }

    static Validation validate(LoadedWorkflow lw) {
        return new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
    }

    /** Loads and validates; null after printing the problems when either step fails. */
    static Validation loadValid(Path file, PrintWriter err) {
        LoadedWorkflow lw = load(file, err);
        if (lw == null) {
            return null;
        }
        Validation v = validate(lw);
        if (v.hasErrors()) {
            print(v.errors(), err);
            return null;
        }
        return v;
    }

    /** A workflow read and checked (validation and static leakage findings) with nothing that stops a run. */
    record Ready(LoadedWorkflow loaded, Checked checked) {
    }

    /**
     * Loads and checks; null after printing why when either step fails: the file's problems, or the validation errors
     * followed by {@code advice} (when not null).
     */
    static Ready loadChecked(Path file, PrintWriter err, String advice) {
        LoadedWorkflow lw = load(file, err);
        if (lw == null) {
            return null;
        }
        Checked checked = WorkflowSession.checking(NodeRegistry.standard()).check(lw);
        if (!checked.runnable()) {
            print(checked.validation().errors(), err);
            if (advice != null) {
                err.println(advice);
            }
            return null;
        }
        return new Ready(lw, checked);
    }

    static void print(Iterable<Problem> problems, PrintWriter w) {
        for (Problem p : problems) {
            w.println(p.describe());
        }
    }
}
