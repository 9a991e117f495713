package org.anneal.editor;

/** One line of the metrics table: which evaluate node, which metric, its value. */
public record MetricRow(String node, String metric, double value) {
    public String valueText() {
        return Double.isNaN(value) ? "undefined" : String.format(java.util.Locale.ROOT, "%.6g", value);
    }
}
