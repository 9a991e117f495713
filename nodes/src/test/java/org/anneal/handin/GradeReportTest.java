package org.anneal.handin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13 item 7: a report an instructor reads: one column per criterion, a class summary, points as a person writes them. */
class GradeReportTest {
    static GradeRow row(String file, String status, List<String> findings, double r2, double honest) {
        Map<String, Double> criteria = new LinkedHashMap<>();
        criteria.put("r2", r2);
        criteria.put("honest", honest);
        return new GradeRow(file, "Student " + file, status, true, findings, Map.of("score.r2", 0.712345678), r2 + honest, 7.5, List.of(), criteria);
    }

    static final List<GradeRow> CLASS = List.of(
            row("a.json", "ok", List.of(), 4.999999999, 2.5),
            row("b.json", "ok", List.of("L2"), 5, 0),
            row("c.json", "ok", List.of("L2", "L1"), 0, 0),
            row("d.json", "not-reproduced", List.of(), 5, 2.5),
            new GradeRow("e.json", "?", "timeout", false, List.of(), Map.of(), 0, 7.5, List.of("stopped")));

    @Test
    void pointsAreWrittenAsAPersonWritesThem() {
        assertEquals("7.5", GradeReport.points(7.499999));
        assertEquals("7", GradeReport.points(7.0000001));
        assertEquals("0.33", GradeReport.points(1.0 / 3));
        assertEquals("0", GradeReport.points(-0.0));
        assertEquals("0.7123", GradeReport.metric(0.712345678));
    }

    @Test
    void theSpreadsheetHasAColumnPerCriterionAndStaysSafe() {
        String csv = GradeReport.csv(CLASS);
        List<String> lines = csv.lines().toList();
        assertEquals("file,author,status,reproduced,points,max_points,\"r2\",\"honest\",findings,metrics,notes", lines.get(0));
        assertTrue(lines.get(1).startsWith("\"a.json\",\"Student a.json\",ok,true,7.5,7.5,5,2.5,"), lines.get(1));
        assertTrue(lines.get(5).startsWith("\"e.json\",\"?\",timeout,false,0,7.5,,,"), "no marks for a hand-in that was not marked: " + lines.get(5));
        String evil = GradeReport.csv(List.of(new GradeRow("x.json", "=HYPERLINK(1)", "ok", true, List.of(), Map.of(), 1, 1, List.of(), Map.of("=c", 1.0))));
        assertTrue(evil.contains("\"'=HYPERLINK(1)\"") && evil.contains("\"'=c\""), evil);
    }

    @Test
    void thePageHasTheCriteriaAndAClassSummary() {
        String html = GradeReport.html(CLASS, "Grades for lab 3");
        assertTrue(html.contains("<th>points</th><th>r2</th><th>honest</th><th>leakage findings</th>"), html);
        assertTrue(html.contains("<td class=\"n\">7.5 / 7.5</td><td class=\"n\">5</td><td class=\"n\">2.5</td>"), html);
        assertTrue(html.contains("<td class=\"n\">0 / 7.5</td><td class=\"n\">–</td><td class=\"n\">–</td>"), "the timed-out row has no marks");
        assertTrue(html.contains("<p>5 hand-in(s); 1 not-reproduced, 3 ok, 1 timeout. Points: mean 4, median 5, of 7.5.</p>"), html);
        // the distribution, best marks first: 7.5 twice, 5 once, 0 twice
        assertTrue(html.matches("(?s).*<td class=\"n\">7.5</td><td class=\"n\">2</td>.*<td class=\"n\">5</td><td class=\"n\">1</td>.*"
                + "<td class=\"n\">0</td><td class=\"n\">2</td>.*"), html);
        assertTrue(html.contains("<tr><td>r2</td><td class=\"n\">3 of 5</td></tr>"), html);
        assertTrue(html.matches("(?s).*most frequent findings.*<tr><td>L2</td><td class=\"n\">2</td></tr>\n<tr><td>L1</td><td class=\"n\">1</td></tr>.*"), html);
        assertTrue(html.contains("score.r2 = 0.7123"), html);
    }

    /** A child process hands its row to the grader as JSON (ProcessGrading): the marks per criterion survive the trip, in order. */
    @Test
    void theMarksPerCriterionSurviveTheResultFile() throws Exception {
        GradeRow row = CLASS.get(0);
        GradeRow back = org.anneal.graph.Json.MAPPER.readValue(org.anneal.graph.Json.MAPPER.writeValueAsString(row), GradeRow.class);
        assertEquals(row, back);
        assertEquals(List.of("r2", "honest"), List.copyOf(back.criteria().keySet()));
        GradeRow old = org.anneal.graph.Json.MAPPER.readValue("{\"file\":\"a.json\",\"author\":\"A\",\"status\":\"ok\",\"reproduced\":true,"
                + "\"findings\":[],\"metrics\":{},\"points\":1,\"maxPoints\":1,\"notes\":[]}", GradeRow.class);
        assertEquals(Map.of(), old.criteria(), "a result file written before criteria were recorded still reads");
    }
}
