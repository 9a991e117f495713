package org.anneal.handin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anneal.graph.Json;

/**
 * How hand-ins are marked:
 * <pre>
 * { "format": "anneal-rubric", "version": 1, "datasets": ["../datasets"], "tolerance": 1e-9,
 *   "timeLimitSeconds": 120,
 *   "criteria": [ { "id": "r2", "text": "...", "points": 2, "metric": "score.r2", "min": 0.25, "max": 1 },
 *                 { "id": "honest", "text": "...", "points": 3, "noFindings": ["L1", "L2"] },
 *                 { "id": "split", "text": "...", "points": 1, "requiresNodeType": "split.holdout" } ] }
 * </pre>
 * Dataset folders are relative to the rubric file.
 */
public record Rubric(List<Path> datasets, double tolerance, int timeLimitSeconds, List<Criterion> criteria) {

    public record Criterion(String id, String text, double points, String metric, double min, double max,
                            List<String> noFindings, String requiresNodeType) {
    }

    public double maxPoints() {
        return criteria.stream().mapToDouble(Criterion::points).sum();
    }

    public static Rubric read(Path file) throws java.io.IOException {
        JsonNode r = Json.MAPPER.readTree(file.toFile());
        if (!"anneal-rubric".equals(r.path("format").asText())) {
            throw new java.io.IOException(file + " is not a rubric (it lacks \"format\": \"anneal-rubric\")");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Path> datasets = new ArrayList<>();
        r.path("datasets").forEach(d -> datasets.add(base.resolve(d.asText()).normalize()));
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : r.path("criteria")) {
            List<String> nf = new ArrayList<>();
            c.path("noFindings").forEach(x -> nf.add(x.asText()));
            criteria.add(new Criterion(c.path("id").asText(), c.path("text").asText(c.path("id").asText()), c.path("points").asDouble(1),
                    c.hasNonNull("metric") ? c.get("metric").asText() : null, c.path("min").asDouble(Double.NEGATIVE_INFINITY),
                    c.path("max").asDouble(Double.POSITIVE_INFINITY), List.copyOf(nf),
                    c.hasNonNull("requiresNodeType") ? c.get("requiresNodeType").asText() : null));
        }
        return new Rubric(List.copyOf(datasets), r.path("tolerance").asDouble(1e-9), r.path("timeLimitSeconds").asInt(120), List.copyOf(criteria));
    }
}
