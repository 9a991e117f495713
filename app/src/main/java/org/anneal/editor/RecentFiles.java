package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.anneal.graph.Json;

/**
 * The workflows opened or saved most recently, newest first, kept in {@code ~/.anneal/recent.json} (beside
 * the autosave folder; {@code anneal.recent.file} overrides it, for tests). A missing or garbled file means
 * an empty list: a broken preference must never stop the editor from starting.
 */
final class RecentFiles {
    static final int MAX = 10;
    private static final Logger LOG = Logger.getLogger(RecentFiles.class.getName());
    private final Path store;

    RecentFiles(Path store) {
        this.store = store;
    }

    static RecentFiles standard() {
        String override = System.getProperty("anneal.recent.file");
        return new RecentFiles(override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".anneal", "recent.json"));
    }

    List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            JsonNode root = Json.MAPPER.readTree(Files.readString(store));
            for (JsonNode e : root.path("recent")) {
                if (e.isTextual() && !e.textValue().isBlank()) {
                    out.add(Path.of(e.textValue()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // first start, or a garbled file: start with an empty list
        }
        return out;
    }

    /** Puts {@code file} on top (once), keeps the newest {@link #MAX}. */
    List<Path> add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(list());
        next.remove(abs);
        next.add(0, abs);
        return write(next.subList(0, Math.min(MAX, next.size())));
    }

    List<Path> remove(Path file) {
        List<Path> next = new ArrayList<>(list());
        next.remove(file.toAbsolutePath().normalize());
        return write(next);
    }

    private List<Path> write(List<Path> files) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        files.forEach(f -> a.add(f.toString()));
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(store.toAbsolutePath().getParent(), ".recent", ".json");
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.createObjectNode().set("recent", a)));
            Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remember recent files in " + store, e);
        }
        return List.copyOf(files);
    }
}
