package org.anneal.handin;

import java.util.List;
import java.util.Map;

/**
 * One student's line in the grade report.
 *
 * @param status     ok, not-reproduced (the re-run's metrics differ from those handed in), tampered, corrupt, not-a-handin,
 *                   invalid, dataset-mismatch, failed, timeout (the rubric's time limit
 *                   passed, over every phase of grading), out-of-memory, too-large, refused (a symbolic link)
 * @param reproduced the re-run gave the recorded metrics within the rubric's tolerance
 * @param criteria   points earned per criterion id, in the rubric's order; empty when the hand-in could not be marked
 */
public record GradeRow(String file, String author, String status, boolean reproduced, List<String> findings,
                       Map<String, Double> metrics, double points, double maxPoints, List<String> notes, Map<String, Double> criteria) {
    public GradeRow {
        criteria = criteria == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(criteria));
    }

    /** A row without marks per criterion (a status such as timeout or corrupt). */
    public GradeRow(String file, String author, String status, boolean reproduced, List<String> findings,
                    Map<String, Double> metrics, double points, double maxPoints, List<String> notes) {
        this(file, author, status, reproduced, findings, metrics, points, maxPoints, notes, Map.of());
    }
}
