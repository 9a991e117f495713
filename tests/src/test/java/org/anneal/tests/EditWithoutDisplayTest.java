package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `anneal edit` in a process with no display (as over ssh, or on a bare server): one line saying what is missing
 * and how to get it, exit 1, no class-data-sharing archive recorded from the failed start. Before, it printed
 * "Internal error ... This is a bug in Anneal" and exited 3.
 */
class EditWithoutDisplayTest {

    @Test
    void theEditorSaysWhatToInstallInsteadOfBlamingItself(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("edit.txt");
        Path jsa = Path.of("app/target/anneal-edit.jsa");
        boolean hadArchive = Files.exists(jsa);
        ProcessBuilder pb = new ProcessBuilder("./anneal", "edit", "workflows/01-linear-regression.json").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
        String out = Files.readString(log);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("libgtk-3-0") || out.contains("xvfb-run"), out);
        assertTrue(out.contains("anneal run"), "names the headless alternative: " + out);
        assertFalse(out.contains("bug in Anneal") || out.contains("Exception"), out);
        if (!hadArchive) {
            assertFalse(Files.exists(jsa), "no class-data-sharing archive from an editor that never opened");
        }
    }
}
