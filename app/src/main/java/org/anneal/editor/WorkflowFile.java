package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowFileException;

/**
 * The window's workflow as a file on disk: reading and writing it, whether there are unsaved changes, and the
 * autosaved copy that keeps them through a crash (offered back as {@link #recovered()} on the next open).
 */
final class WorkflowFile {
    private final WorkflowCodec codec = new WorkflowCodec();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final ObjectProperty<Workflow> recovered = new SimpleObjectProperty<>();
    private Autosave autosave = Autosave.standard();
    /** False for a new workflow until it is saved under a name (it has a file, untitled.json, only to resolve paths). */
    private boolean named;

    LoadedWorkflow read(Path file) throws WorkflowFileException {
        LoadedWorkflow lw = codec.read(file);
        recovered.set(autosave.recover(lw).orElse(null));
        dirty.set(false);
        named = true;
        return lw;
    }

    /** A fresh workflow: nothing to save yet. */
    void started() {
        dirty.set(false);
        named = false;
    }

    /** An edit: unsaved now, and autosaved at once. */
    void changed(LoadedWorkflow lw) {
        dirty.set(true);
        autosave.save(lw);
    }

    void save(LoadedWorkflow lw) throws IOException {
        codec.save(lw.workflow(), lw.file());
        autosave.discard(lw.file());
        dirty.set(false);
    }

    /** Writes {@code relocated} (the workflow with its paths rewritten for the new folder) to {@code file}. */
    LoadedWorkflow saveAs(LoadedWorkflow lw, Workflow relocated, Path file) throws IOException {
        codec.save(relocated, file);
        if (lw.file() != null) {
            autosave.discard(lw.file());
        }
        dirty.set(false);
        named = true;
        return new LoadedWorkflow(relocated, file.toAbsolutePath(), lw.locations(), lw.notes());
    }

    boolean named() {
        return named;
    }

    void useAutosaveDir(Path dir) {
        this.autosave = new Autosave(dir);
    }

    WorkflowCodec codec() {
        return codec;
    }

    BooleanProperty dirty() {
        return dirty;
    }

    ObjectProperty<Workflow> recovered() {
        return recovered;
    }
}
