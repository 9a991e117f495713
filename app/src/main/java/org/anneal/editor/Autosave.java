package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowFileException;
import org.anneal.util.FileDigests;

/**
 * Keeps a copy of every edited workflow outside the student's file, so that a crash, a killed process or
 * a flat laptop battery never loses more than a few seconds of work. Reopening the file offers the copy
 * when it is newer and different. Copies live in {@code ~/.anneal/autosave} (or {@code anneal.autosave.dir}).
 */
final class Autosave {
    private static final Logger LOG = Logger.getLogger(Autosave.class.getName());
    private final Path dir;
    private final WorkflowCodec codec = new WorkflowCodec();

    Autosave(Path dir) {
        this.dir = dir;
    }

    static Autosave standard() {
        String override = System.getProperty("anneal.autosave.dir");
        return new Autosave(override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".anneal", "autosave"));
    }

    /** Where the copy of {@code file} lives; one copy per workflow file. */
    Path copyOf(Path file) {
        String key = FileDigests.sha256(file.toAbsolutePath().normalize().toString()).substring(0, 16);
        return dir.resolve(file.getFileName().toString().replaceAll("\\.json$", "") + "-" + key + ".autosave.json");
    }

    /** Writes the copy; failures are logged, never shown: autosave must not interrupt a lesson. */
    void save(LoadedWorkflow lw) {
        if (lw.file() == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            codec.save(lw.workflow(), copyOf(lw.file()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "autosave failed", e);
        }
    }

    /** The autosaved workflow, when it is newer than the file and differs from it. */
    Optional<Workflow> recover(LoadedWorkflow opened) {
        Path copy = copyOf(opened.file());
        try {
            if (!Files.exists(copy) || (Files.exists(opened.file())
                    && Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(opened.file())) < 0)) {
                return Optional.empty();
            }
            Workflow w = codec.parse(Files.readString(copy), opened.file(), copy.toString()).workflow();
            return w.equals(opened.workflow()) ? Optional.empty() : Optional.of(w);
        } catch (IOException | WorkflowFileException e) {
            return Optional.empty();
        }
    }

    /** After a real save the copy is obsolete. */
    void discard(Path file) {
        try {
            Files.deleteIfExists(copyOf(file));
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not delete autosave", e);
        }
    }
}
