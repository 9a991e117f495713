package org.anneal.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anneal.graph.Json;

/**
 * The bundled examples and puzzles as a student looks for them: by course unit ({@code meta.unit}) and title, not by
 * file name. Solutions are left out; a file without a unit is listed under "Other examples".
 */
public final class Examples {
    public static final String NO_UNIT = "Other examples";
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    /** One example: its file, the title a student recognises (a puzzle's own title), its unit. */
    public record Example(Path file, String title, String unit, boolean puzzle) {
    }

    private Examples() {
    }

    /** The examples under {@code home/workflows} and {@code home/workflows/puzzles}, grouped by unit in course order. */
    public static Map<String, List<Example>> byUnit(Path home) {
        List<Example> all = new ArrayList<>();
        for (String folder : List.of("workflows", "workflows/puzzles")) {
            try (var list = Files.list(home.resolve(folder))) {
                list.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".solution.json")).sorted()
                        .forEach(f -> all.add(read(f, folder.endsWith("puzzles"))));
            } catch (IOException e) {
                // no examples folder next to this installation: nothing to list
            }
        }
        all.sort(Comparator.comparingInt((Example e) -> unitNumber(e.unit())).thenComparing(Example::unit).thenComparing(e -> e.file().getFileName().toString()));
        Map<String, List<Example>> out = new LinkedHashMap<>();
        all.forEach(e -> out.computeIfAbsent(e.unit(), u -> new ArrayList<>()).add(e));
        return out;
    }

    static Example read(Path f, boolean puzzle) {
        String name = f.getFileName().toString().replace(".json", "");
        try {
            JsonNode tree = Json.MAPPER.readTree(f.toFile());
            String title = puzzle ? tree.path("puzzle").path("title").asText("") : "";
            title = title.isBlank() ? tree.path("meta").path("title").asText("") : title;
            String unit = tree.path("meta").path("unit").asText("");
            return new Example(f, title.isBlank() ? name : title, unit.isBlank() ? NO_UNIT : unit, puzzle);
        } catch (IOException | RuntimeException e) {
            return new Example(f, name, NO_UNIT, puzzle); // unreadable: the file name still opens it, and the open says what is wrong
        }
    }

    /** "2 · Honest evaluation" sorts as 2, "10 · ..." after "9 · ..."; a unit without a number after the numbered ones. */
    static int unitNumber(String unit) {
        Matcher m = LEADING_NUMBER.matcher(unit);
        return m.find() && m.group(1).length() < 6 ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
