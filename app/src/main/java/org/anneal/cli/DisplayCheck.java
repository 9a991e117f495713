package org.anneal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the workbench needs from the machine before JavaFX starts: on Linux, a display (an X11 desktop session, or
 * Xvfb on a server) and the GTK 3 library JavaFX draws its windows with. Without them JavaFX fails deep inside its
 * start-up with "Unable to open DISPLAY" or "Unable to load glass GTK library", which used to reach the user as
 * "Internal error ... This is a bug in Anneal". Here they become one line naming what to install, and exit 1.
 * No JavaFX class is touched, so this runs (and is tested) anywhere.
 */
final class DisplayCheck {
    static final String HEADLESS = "Without a display, the command line does the same work: anneal run, check, plot (see anneal --help).";

    private DisplayCheck() {
    }

    /** The problem on this machine, or empty when the workbench can start (or the platform is not checked). */
    static Optional<String> problem() {
        return problem(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform", ""), DisplayCheck::gtkInstalled);
    }

    static Optional<String> problem(Map<String, String> env, String os, String glassPlatform, Predicate<Map<String, String>> gtk) {
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux") || glassPlatform.equalsIgnoreCase("Monocle")) {
            return Optional.empty(); // Windows and macOS bring their own windowing; Monocle needs none
        }
        if (!gtk.test(env)) {
            return Optional.of("anneal edit needs the GTK 3 library to open windows, and it is not installed. "
                    + "Install it (Debian/Ubuntu: sudo apt install libgtk-3-0; Fedora: sudo dnf install gtk3) and try again. " + HEADLESS);
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("anneal edit needs a display: DISPLAY is not set (no desktop session, e.g. over ssh). "
                    + "Start it from a desktop, use ssh -X, or on a server run it under Xvfb: xvfb-run ./anneal edit (Debian: sudo apt install xvfb). "
                    + HEADLESS);
        }
        return Optional.empty();
    }

    /** The same advice for a failure JavaFX reported itself, when its message says which of the two it was. */
    static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("GTK")) {
                return problem(Map.of("DISPLAY", ":0"), "linux", "", e -> false);
            }
            if (m.contains("DISPLAY")) {
                return problem(Map.of(), "linux", "", e -> true);
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Whether libgtk-3.so.0 can be found: in the dynamic linker's cache, on LD_LIBRARY_PATH or in the usual library
     * folders. When none of these can be read, it is assumed present (JavaFX's own error is then explained).
     */
    static boolean gtkInstalled(Map<String, String> env) {
        String lib = "libgtk-3.so.0";
        Path cache = Path.of("/etc/ld.so.cache");
        boolean looked = false;
        try {
            if (Files.isReadable(cache)) {
                looked = true;
                if (new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1).contains(lib)) {
                    return true;
                }
            }
        } catch (IOException e) {
            looked = false;
        }
        List<String> dirs = new java.util.ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/lib/x86_64-linux-gnu", "/usr/local/lib"));
        if (!blank(env.get("LD_LIBRARY_PATH"))) {
            dirs.addAll(0, List.of(env.get("LD_LIBRARY_PATH").split(":")));
        }
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            if (Files.isDirectory(Path.of(d))) {
                looked = true;
                if (Files.exists(Path.of(d, lib))) {
                    return true;
                }
            }
        }
        return !looked;
    }
}
