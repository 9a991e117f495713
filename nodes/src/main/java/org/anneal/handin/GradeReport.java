package org.anneal.handin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The grade report as CSV (for spreadsheets) and as a self-contained HTML page: one column per criterion, points as a
 * person writes them (7.5, not 7.499999), and on the page a class summary (issue 13). Everything that came from a hand-in
 * is cleaned, capped and escaped ({@link ReportText}), and spreadsheet formulas are neutralised.
 */
public final class GradeReport {
    /** A cell joining capped items (notes, findings, metrics). */
    private static final int LONG_CELL = ReportText.MAX_CELL * (ReportText.MAX_ITEMS + 2);
    /** Most findings listed in the class summary. */
    private static final int TOP_FINDINGS = 10;

    private GradeReport() {
    }

    public static String csv(List<GradeRow> rows) {
        List<String> criteria = criteria(rows);
        StringBuilder sb = new StringBuilder("file,author,status,reproduced,points,max_points");
        criteria.forEach(c -> sb.append(',').append(csvCell(c, ReportText.MAX_CELL)));
        sb.append(",findings,metrics,notes\n");
        for (GradeRow r : rows) {
            sb.append(String.join(",", csvCell(r.file(), ReportText.MAX_CELL), csvCell(r.author(), ReportText.MAX_CELL), r.status(),
                    Boolean.toString(r.reproduced()), points(r.points()), points(r.maxPoints())));
            criteria.forEach(c -> sb.append(',').append(r.criteria().containsKey(c) ? points(r.criteria().get(c)) : ""));
            sb.append(',').append(String.join(",", csvCell(String.join(" ", ReportText.capped(r.findings()))),
                    csvCell(r.metrics().entrySet().stream().map(e -> e.getKey() + "=" + metric(e.getValue(), 6)).collect(Collectors.joining(" "))),
                    csvCell(String.join(" | ", ReportText.capped(r.notes()))))).append('\n');
        }
        return sb.toString();
    }

    public static String html(List<GradeRow> rows, String title) {
        List<String> criteria = criteria(rows);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:1.5em}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}td.n{text-align:right}.ok{background:#e6f4ea}"
                        + ".bad{background:#fce8e6}.bar{background:#4a7fb5;display:inline-block;height:0.8em}</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1>\n");
        summary(sb, rows, criteria);
        sb.append("<h2>Hand-ins</h2>\n<table>\n<tr><th>file</th><th>author</th><th>status</th><th>reproduced</th><th>points</th>");
        criteria.forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
        sb.append("<th>leakage findings</th><th>metrics</th><th>notes</th></tr>\n");
        for (GradeRow r : rows) {
            sb.append("<tr class=\"").append(r.status().equals("ok") ? "ok" : "bad").append("\"><td>").append(esc(r.file())).append("</td><td>")
                    .append(esc(r.author())).append("</td><td>").append(esc(r.status())).append("</td><td>").append(r.reproduced() ? "yes" : "no")
                    .append("</td><td class=\"n\">").append(points(r.points())).append(" / ").append(points(r.maxPoints())).append("</td>");
            criteria.forEach(c -> sb.append("<td class=\"n\">").append(r.criteria().containsKey(c) ? points(r.criteria().get(c)) : "–").append("</td>"));
            sb.append("<td>").append(esc(String.join(", ", ReportText.capped(r.findings())))).append("</td><td>")
                    .append(esc(r.metrics().entrySet().stream().map(e -> e.getKey() + " = " + metric(e.getValue())).collect(Collectors.joining("; "))))
                    .append("</td><td>").append(esc(String.join("; ", ReportText.capped(r.notes())))).append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    /** Class summary: statuses, the distribution of points, how many met each criterion, the most frequent findings. */
    private static void summary(StringBuilder sb, List<GradeRow> rows, List<String> criteria) {
        int n = rows.size();
        sb.append("<h2>Class summary</h2>\n<p>").append(n).append(" hand-in(s); ");
        Map<String, Long> statuses = rows.stream().collect(Collectors.groupingBy(GradeRow::status, TreeMap::new, Collectors.counting()));
        sb.append(esc(statuses.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))));
        double[] pts = rows.stream().mapToDouble(GradeRow::points).sorted().toArray();
        if (n > 0) {
            double median = n % 2 == 1 ? pts[n / 2] : (pts[n / 2 - 1] + pts[n / 2]) / 2;
            sb.append(". Points: mean ").append(points(java.util.Arrays.stream(pts).average().orElse(0))).append(", median ").append(points(median))
                    .append(", of ").append(points(rows.get(0).maxPoints()));
        }
        sb.append(".</p>\n<table>\n<tr><th>points</th><th>hand-ins</th><th></th></tr>\n");
        Map<Double, Long> byPoints = new TreeMap<>(java.util.Comparator.reverseOrder()); // the best marks first
        rows.forEach(r -> byPoints.merge(round(r.points()), 1L, Long::sum));
        long most = byPoints.values().stream().mapToLong(Long::longValue).max().orElse(1);
        byPoints.forEach((p, count) -> sb.append("<tr><td class=\"n\">").append(points(p)).append("</td><td class=\"n\">").append(count)
                .append("</td><td><span class=\"bar\" style=\"width:").append(Math.round(200.0 * count / most)).append("px\"></span></td></tr>\n"));
        sb.append("</table>\n");
        if (!criteria.isEmpty()) {
            sb.append("<table>\n<tr><th>criterion</th><th>met by</th></tr>\n");
            for (String c : criteria) {
                long met = rows.stream().filter(r -> r.criteria().getOrDefault(c, 0.0) > 0).count();
                sb.append("<tr><td>").append(esc(c)).append("</td><td class=\"n\">").append(met).append(" of ").append(n).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        Map<String, Long> findings = rows.stream().flatMap(r -> r.findings().stream().distinct())
                .collect(Collectors.groupingBy(f -> f, TreeMap::new, Collectors.counting()));
        sb.append("<table>\n<tr><th>most frequent findings</th><th>hand-ins</th></tr>\n");
        if (findings.isEmpty()) {
            sb.append("<tr><td colspan=\"2\">none</td></tr>\n");
        }
        findings.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_FINDINGS)
                .forEach(e -> sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n\">").append(e.getValue()).append("</td></tr>\n"));
        sb.append("</table>\n");
    }

    /** The criterion ids, in the rubric's order (every row carries the same ones; rows without marks carry none). */
    private static List<String> criteria(List<GradeRow> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.addAll(r.criteria().keySet()));
        return new ArrayList<>(ids);
    }

    /** Points as a person writes them: at most two decimals, no trailing zeros (7.5, 7, 0.33; never 7.499999). */
    public static String points(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        BigDecimal b = BigDecimal.valueOf(round(d)).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    private static double round(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).doubleValue() : d;
    }

    /** A metric with four significant digits, as the page shows it. */
    static String metric(double d) {
        return metric(d, 4);
    }

    /** A metric with {@code digits} significant digits and no trailing zeros (the spreadsheet gets six). */
    private static String metric(double d, int digits) {
        return Double.isFinite(d) ? new BigDecimal(d).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString() : Double.toString(d);
    }

    /** Quoted, cleaned and with formulas neutralised: authors, notes and node ids come from untrusted files. */
    private static String csvCell(String s) {
        return csvCell(s, LONG_CELL);
    }

    private static String csvCell(String s, int max) {
        return "\"" + ReportText.spreadsheetCell(s, max).replace("\"", "\"\"") + "\"";
    }

    /** Authors and notes come from untrusted files: clean and escape everything that reaches the page. */
    static String esc(String s) {
        return ReportText.clean(s, LONG_CELL).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
