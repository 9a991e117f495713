package org.anneal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends all logging (Anneal's, Tribuo's and DL4J's, which go through java.util.logging) to a file, so a
 * terminal never shows a stack trace; the console gets short, located messages only.
 */
public final class Logs {
    private static Path file;

    private Logs() {
    }

    public static synchronized Path toFile() {
        if (file != null) {
            return file;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "anneal-logs");
            Files.createDirectories(dir);
            file = dir.resolve("anneal-" + ProcessHandle.current().pid() + ".log");
            Handler h = new FileHandler(file.toString(), false);
            h.setFormatter(new SimpleFormatter());
            root.addHandler(h);
        } catch (IOException e) {
            file = Path.of("(no log file: " + e.getMessage() + ")");
        }
        return file;
    }

    public static void internal(String what, Throwable e) {
        Logger.getLogger("org.anneal").log(Level.SEVERE, what, e);
    }
}
