package org.anneal.handin;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The grade report as CSV (for spreadsheets) and as a self-contained HTML page. */
public final class GradeReport {
    /** A cell joining capped items (notes, findings, metrics). */
    private static final int LONG_CELL = ReportText.MAX_CELL * (ReportText.MAX_ITEMS + 2);

    private GradeReport() {
    }

    public static String csv(List<GradeRow> rows) {
        StringBuilder sb = new StringBuilder("file,author,status,reproduced,points,max_points,findings,metrics,notes\n");
        for (GradeRow r : rows) {
            sb.append(String.join(",", csvCell(r.file(), ReportText.MAX_CELL), csvCell(r.author(), ReportText.MAX_CELL), r.status(), Boolean.toString(r.reproduced()),
                    num(r.points()), num(r.maxPoints()), csvCell(String.join(" ", ReportText.capped(r.findings()))),
                    csvCell(r.metrics().entrySet().stream().map(e -> e.getKey() + "=" + num(e.getValue())).collect(Collectors.joining(" "))),
                    csvCell(String.join(" | ", ReportText.capped(r.notes()))))).append('\n');
        }
        return sb.toString();
    }

    public static String html(List<GradeRow> rows, String title) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
                        + "vertical-align:top}.ok{background:#e6f4ea}.bad{background:#fce8e6}</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1>\n<table>\n<tr><th>file</th><th>author</th><th>status</th><th>reproduced</th><th>points</th>"
                        + "<th>leakage findings</th><th>metrics</th><th>notes</th></tr>\n");
        for (GradeRow r : rows) {
            sb.append("<tr class=\"").append(r.status().equals("ok") ? "ok" : "bad").append("\"><td>").append(esc(r.file())).append("</td><td>")
                    .append(esc(r.author())).append("</td><td>").append(esc(r.status())).append("</td><td>").append(r.reproduced() ? "yes" : "no")
                    .append("</td><td>").append(num(r.points())).append(" / ").append(num(r.maxPoints())).append("</td><td>")
                    .append(esc(String.join(", ", ReportText.capped(r.findings())))).append("</td><td>")
                    .append(esc(r.metrics().entrySet().stream().map(e -> e.getKey() + " = " + num(e.getValue())).collect(Collectors.joining("; "))))
                    .append("</td><td>").append(esc(String.join("; ", ReportText.capped(r.notes())))).append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
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
