package org.anneal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Frames live in the optional top-level {@code "frames"} block of a workflow file, so files without it load
 * as before and the workflow record keeps its shape:
 * <pre>"frames": [ { "id": "f1", "title": "Prepare", "colour": "#e6f4ea", "x": 0, "y": 0, "w": 400, "h": 300 } ]</pre>
 */
public final class Frames {
    public static final String BLOCK = "frames";
    private static final Set<String> KEYS = Set.of("id", "title", "colour", "x", "y", "w", "h");

    private Frames() {
    }

    /** The frames of a workflow, in drawing order (later ones on top); empty when it has none. */
    public static List<Frame> of(Workflow w) {
        JsonNode arr = w.blocks().get(BLOCK);
        List<Frame> out = new ArrayList<>();
        if (arr == null || !arr.isArray()) {
            return out;
        }
        for (JsonNode f : arr) {
            out.add(new Frame(f.path("id").asText(), f.path("title").asText(""), f.path("colour").asText(null),
                    f.path("x").asDouble(), f.path("y").asDouble(), f.path("w").asDouble(), f.path("h").asDouble()));
        }
        return out;
    }

    /** The workflow with these frames; an empty list removes the block, so frameless files stay as they were. */
    public static Workflow with(Workflow w, List<Frame> frames) {
        if (frames.isEmpty()) {
            return w.withBlock(BLOCK, null);
        }
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Frame f : frames) {
            ObjectNode o = arr.addObject();
            o.put("id", f.id());
            o.put("title", f.title());
            o.put("colour", f.colour());
            number(o, "x", f.x());
            number(o, "y", f.y());
            number(o, "w", f.width());
            number(o, "h", f.height());
        }
        return w.withBlock(BLOCK, arr);
    }

    /** An id not used by any frame of {@code w}: f1, f2, ... */
    public static String freshId(Workflow w) {
        Set<String> used = new HashSet<>();
        of(w).forEach(f -> used.add(f.id()));
        for (int i = 1; ; i++) {
            if (!used.contains("f" + i)) {
                return "f" + i;
            }
        }
    }

    /** Structural problems of a {@code frames} block as read from a file (the codec reports them with locations). */
    static List<Problem> check(JsonNode arr, JsonLocations locs) {
        List<Problem> problems = new ArrayList<>();
        if (!arr.isArray()) {
            problems.add(Problem.error("format.frames", "\"frames\" must be a list [ ... ].",
                    "Write \"frames\": [ { \"id\": \"f1\", \"title\": \"Prepare\", \"x\": 0, \"y\": 0, \"w\": 400, \"h\": 300 } ] or remove it.")
                    .at(locs.at("/frames")));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode f = arr.get(i);
            String at = "/frames/" + i;
            boolean shape = f.isObject() && f.path("id").isTextual() && f.path("x").isNumber() && f.path("y").isNumber()
                    && f.path("w").isNumber() && f.path("h").isNumber()
                    && (!f.has("title") || f.get("title").isTextual()) && (!f.has("colour") || f.get("colour").isTextual());
            if (!shape) {
                problems.add(Problem.error("format.frame", "Frame " + (i + 1) + " must be { \"id\": text, \"title\": text, \"x\", \"y\", \"w\", \"h\": numbers }.",
                        "Fix or remove it; frames are only drawings and the workflow runs without them.").at(locs.at(at)));
                continue;
            }
            f.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    problems.add(Problem.error("format.unknown-field", "Unknown field \"" + k + "\" in a frame.",
                            "Known fields: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ".").at(locs.at(at + "/" + k)));
                }
            });
            if (!ids.add(f.get("id").textValue())) {
                problems.add(Problem.error("format.duplicate-frame", "Two frames are called '" + f.get("id").textValue() + "'.",
                        "Give each frame its own id.").at(locs.at(at + "/id")));
            }
        }
        return problems;
    }

    private static void number(ObjectNode o, String key, double v) {
        double rounded = Math.round(v * 10) / 10.0; // as node positions: canvas coordinates need no more precision
        if (rounded == Math.rint(rounded)) {
            o.put(key, (long) rounded);
        } else {
            o.put(key, rounded);
        }
    }
}
