package org.anneal.puzzle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.graph.Link;
import org.anneal.graph.Workflow;

/**
 * A broken-pipeline puzzle, read from a workflow's {@code puzzle} block:
 * <pre>
 * "puzzle": { "title": "...", "story": "...", "hints": ["..."],
 *             "locked": { "nodes": ["load"], "links": ["fit:model -> score:model"] },
 *             "goal": { "clear": ["L2"], "metrics": { "score": { "r2": [0.5, 1.0] } } },
 *             "quickFixes": false }
 * </pre>
 * {@code quickFixes} (default false) lets students use the one-click fixes ({@link QuickFixPolicy}).
 * Locked nodes keep their type and params; locked wires must stay. The goal: the listed rules no longer
 * fire, no other error-level finding appears, the workflow runs, and the metrics land in range. Static rules
 * (L1...) are checked on the graph; run-time rules (D1...) on the data of the student's run.
 */
public record Puzzle(String title, String story, List<String> hints, List<String> lockedNodes, List<Link> lockedLinks,
                     List<String> clear, Map<String, Map<String, double[]>> metrics) {

    /** The puzzle of a workflow, or null when it has none. */
    public static Puzzle of(Workflow w) {
        JsonNode p = w.block("puzzle").orElse(null);
        if (p == null) {
            return null;
        }
        List<String> hints = texts(p.path("hints"));
        List<String> nodes = texts(p.path("locked").path("nodes"));
        List<Link> links = new ArrayList<>();
        for (String l : texts(p.path("locked").path("links"))) {
            String[] ends = l.split("->");
            if (ends.length == 2) {
                Link link = Link.of(ends[0].trim(), ends[1].trim());
                if (link.from() != null && link.to() != null) {
                    links.add(link);
                }
            }
        }
        Map<String, Map<String, double[]>> metrics = new LinkedHashMap<>();
        p.path("goal").path("metrics").fields().forEachRemaining(node -> {
            Map<String, double[]> ranges = new LinkedHashMap<>();
            node.getValue().fields().forEachRemaining(m -> ranges.put(m.getKey(),
                    new double[] {m.getValue().path(0).asDouble(Double.NEGATIVE_INFINITY), m.getValue().path(1).asDouble(Double.POSITIVE_INFINITY)}));
            metrics.put(node.getKey(), ranges);
        });
        return new Puzzle(p.path("title").asText(""), p.path("story").asText(""), hints, nodes, links,
                texts(p.path("goal").path("clear")), metrics);
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.asText()));
        return out;
    }
}
