package org.anneal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What `anneal edit` says on a machine that cannot show a window: what is missing and how to get it. */
class DisplayCheckTest {

    @Test
    void noGtkNamesThePackage() {
        String m = DisplayCheck.problem(Map.of("DISPLAY", ":0"), "Linux", "", e -> false).orElseThrow();
        assertTrue(m.contains("libgtk-3-0") && m.contains("anneal run"), m);
    }

    @Test
    void noDisplayNamesXvfbAndTheHeadlessCommands() {
        String m = DisplayCheck.problem(Map.of(), "Linux", "", e -> true).orElseThrow();
        assertTrue(m.contains("DISPLAY is not set") && m.contains("xvfb-run") && m.contains("anneal run"), m);
    }

    @Test
    void aDesktopSessionOrAnotherSystemPasses() {
        assertEquals(Optional.empty(), DisplayCheck.problem(Map.of("DISPLAY", ":1"), "Linux", "", e -> true));
        assertEquals(Optional.empty(), DisplayCheck.problem(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", "", e -> true));
        assertEquals(Optional.empty(), DisplayCheck.problem(Map.of(), "Windows 11", "", e -> false));
        assertEquals(Optional.empty(), DisplayCheck.problem(Map.of(), "Linux", "Monocle", e -> false), "Monocle needs no display");
    }

    @Test
    void javaFxsOwnStartUpErrorsAreExplainedToo() {
        var gtk = new RuntimeException("Application launch failed", new UnsupportedOperationException("Unable to load glass GTK library."));
        assertTrue(DisplayCheck.explain(gtk).orElseThrow().contains("libgtk-3-0"));
        var display = new RuntimeException(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertTrue(DisplayCheck.explain(display).orElseThrow().contains("xvfb-run"));
        assertTrue(DisplayCheck.explain(new IllegalStateException("something else")).isEmpty(), "a real bug stays a bug");
    }
}
