package org.anneal.handin;

import java.nio.file.Path;
import java.util.List;

/**
 * How hand-ins are marked (the README's "Rubrics" section documents the format with an example):
 * <pre>
 * { "format": "anneal-rubric", "version": 1, "datasets": ["../datasets"], "tolerance": 1e-9,
 *   "timeLimitSeconds": 120,
 *   "criteria": [ { "id": "r2", "text": "...", "points": 2, "metric": "score.r2", "min": 0.25, "max": 1 },
 *                 { "id": "honest", "text": "...", "points": 3, "noFindings": ["L1", "L2"] },
 *                 { "id": "split", "text": "...", "points": 1, "requiresNodeType": "split.holdout" } ] }
 * </pre>
 * Dataset folders are relative to the rubric file. Read strictly ({@link RubricReader}): an unknown key, metric, rule or
 * block type is an error naming its line, never a criterion that silently nobody meets.
 */
public record Rubric(List<Path> datasets, double tolerance, int timeLimitSeconds, List<Criterion> criteria) {

    public record Criterion(String id, String text, double points, String metric, double min, double max,
                            List<String> noFindings, String requiresNodeType) {
    }

    public double maxPoints() {
        return criteria.stream().mapToDouble(Criterion::points).sum();
    }

    /** Reads and checks a rubric file; every problem in it is in the exception's message, each with its line and column. */
    public static Rubric read(Path file) throws java.io.IOException {
        return RubricReader.read(file);
    }
}
