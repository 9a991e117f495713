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
 */
public record GradeRow(String file, String author, String status, boolean reproduced, List<String> findings,
                       Map<String, Double> metrics, double points, double maxPoints, List<String> notes) {
}
