package org.anneal.editor;

/** One line of the metrics table: which evaluate node, which metric, its value. */
public record MetricRow(String node, String metric, double value) {
    /** Rounded for reading (0.9346); "undefined" for NaN. */
    public String valueText() {
        return Double.isNaN(value) ? "undefined" : ReadableNumber.of(value);
    }

    /** The full value, as Copy puts it on the clipboard. */
    public String fullText() {
        return Double.isNaN(value) ? "NaN" : ReadableNumber.full(value);
    }
}
