package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.anneal.graph.Json;
import org.anneal.graph.Link;

/**
 * Edits of a workflow's {@code puzzle} block as the instructor authors it (see {@link org.anneal.puzzle.Puzzle}
 * for the format). Pure functions: each returns a new block and leaves the given one alone, so every
 * authoring step is an ordinary undoable workflow edit.
 */
public final class PuzzleBlock {
    private PuzzleBlock() {
    }

    /** The block to start from: the workflow's own, or an empty skeleton. */
    public static ObjectNode start(JsonNode existing) {
        ObjectNode p = existing != null && existing.isObject() ? ((ObjectNode) existing).deepCopy() : Json.MAPPER.createObjectNode();
        if (!p.has("title")) {
            p.put("title", "");
        }
        if (!p.has("story")) {
            p.put("story", "");
        }
        if (!p.has("hints")) {
            p.putArray("hints");
        }
        ObjectNode locked = p.has("locked") && p.get("locked").isObject() ? (ObjectNode) p.get("locked") : p.putObject("locked");
        if (!locked.has("nodes")) {
            locked.putArray("nodes");
        }
        if (!locked.has("links")) {
            locked.putArray("links");
        }
        ObjectNode goal = p.has("goal") && p.get("goal").isObject() ? (ObjectNode) p.get("goal") : p.putObject("goal");
        if (!goal.has("clear")) {
            goal.putArray("clear");
        }
        return p;
    }

    public static ObjectNode withText(JsonNode block, String field, String text) {
        ObjectNode p = start(block);
        p.put(field, text);
        return p;
    }

    /** Whether students may use the one-click quick fixes on this puzzle (off unless ticked: a puzzle must make them think). */
    public static ObjectNode withQuickFixes(JsonNode block, boolean allowed) {
        ObjectNode p = start(block);
        if (allowed) {
            p.put("quickFixes", true);
        } else {
            p.remove("quickFixes");
        }
        return p;
    }

    /** Hints, one per non-blank line. */
    public static ObjectNode withHints(JsonNode block, String lines) {
        ObjectNode p = start(block);
        ArrayNode a = p.putArray("hints");
        lines.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(a::add);
        return p;
    }

    public static ObjectNode withNodeLocked(JsonNode block, String nodeId, boolean locked) {
        ObjectNode p = start(block);
        setMember((ArrayNode) p.path("locked").path("nodes"), nodeId, locked);
        return p;
    }

    public static ObjectNode withLinkLocked(JsonNode block, Link link, boolean locked) {
        ObjectNode p = start(block);
        setMember((ArrayNode) p.path("locked").path("links"), link.toString(), locked);
        return p;
    }

    /** The leakage rules (L1…L10) the student must clear. */
    public static ObjectNode withRuleToClear(JsonNode block, String rule, boolean clear) {
        ObjectNode p = start(block);
        setMember((ArrayNode) p.path("goal").path("clear"), rule, clear);
        return p;
    }

    /** A metric the fixed workflow must report within [lo, hi]; NaN for both removes the range. */
    public static ObjectNode withMetricRange(JsonNode block, String node, String metric, double lo, double hi) {
        ObjectNode p = start(block);
        ObjectNode goal = (ObjectNode) p.get("goal");
        ObjectNode metrics = goal.has("metrics") && goal.get("metrics").isObject() ? (ObjectNode) goal.get("metrics") : goal.putObject("metrics");
        if (Double.isNaN(lo) && Double.isNaN(hi)) {
            if (metrics.has(node)) {
                ((ObjectNode) metrics.get(node)).remove(metric);
                if (metrics.get(node).isEmpty()) {
                    metrics.remove(node);
                }
            }
            return p;
        }
        ObjectNode forNode = metrics.has(node) && metrics.get(node).isObject() ? (ObjectNode) metrics.get(node) : metrics.putObject(node);
        forNode.putArray(metric).add(lo).add(hi);
        return p;
    }

    /** What keeps a block from making a puzzle a student can solve; empty when it is complete. */
    public static List<String> gaps(JsonNode block) {
        List<String> out = new ArrayList<>();
        if (block == null) {
            return List.of("There is no puzzle yet.");
        }
        if (block.path("title").asText("").isBlank()) {
            out.add("Give the puzzle a title.");
        }
        if (block.path("story").asText("").isBlank()) {
            out.add("Write the story the student reads.");
        }
        if (block.path("hints").isEmpty()) {
            out.add("Add at least one hint.");
        }
        if (block.path("goal").path("clear").isEmpty()) {
            out.add("Tick the leakage rule(s) the student must clear.");
        }
        return out;
    }

    private static void setMember(ArrayNode a, String value, boolean present) {
        for (int i = a.size() - 1; i >= 0; i--) {
            if (a.get(i).asText().equals(value)) {
                a.remove(i);
            }
        }
        if (present) {
            a.add(value);
        }
    }
}
