package org.anneal.plots;

/**
 * The colours of every chart, as 0xRRGGBB, for the editor (JavaFX) and the PNG renderer (Java2D) alike. Series
 * take Tableau 10: distinguishable and colour-blind friendly, the palette the port colours come from.
 */
public final class PlotPalette {
    private static final int[] SERIES = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    /** Text, tick marks. */
    public static final int INK = 0x202124;
    /** Grid lines inside the plot area. */
    public static final int GRID = 0xe8eaed;
    /** The plot area's frame. */
    public static final int FRAME = 0x9aa0a6;
    /** Dashed guides (y = x, the zero line) and their legend entries. */
    public static final int GUIDE = 0x5f6368;
    /** Heat map cells shade from LOW (zero) to HIGH (the largest value). */
    public static final int HEAT_LOW = 0xffffff;
    public static final int HEAT_HIGH = 0x1f4e9a;
    /** Shaded x intervals (events, anomalies), one colour per span name, drawn at SPAN_ALPHA behind the series. */
    private static final int[] SPANS = {0xf28e2b, 0xe15759, 0xb07aa1, 0x76b7b2};
    public static final int SPAN_ALPHA = 70;

    private PlotPalette() {
    }

    /** The colour of the {@code k}-th series (cycling after ten). */
    public static int series(int k) {
        return SERIES[Math.floorMod(k, SERIES.length)];
    }

    /**
     * The colour number of each series: series that share a name share a colour (and one legend entry), so many spectra
     * coloured by a column read as a few groups; otherwise the k-th series takes colour k.
     */
    public static int[] seriesColours(org.anneal.ml.Plot plot) {
        java.util.List<String> names = seriesNames(plot);
        return plot.series().stream().mapToInt(s -> names.indexOf(s.name())).toArray();
    }

    /** The distinct series names in order of first appearance: the legend's entries. */
    public static java.util.List<String> seriesNames(org.anneal.ml.Plot plot) {
        return plot.series().stream().map(org.anneal.ml.Plot.Series::name).distinct().toList();
    }

    /** The colour of the {@code k}-th distinct span name. */
    public static int span(int k) {
        return SPANS[Math.floorMod(k, SPANS.length)];
    }

    /** The distinct span names of a plot in order of first appearance: the k-th takes {@link #span(int) span(k)}. */
    public static java.util.List<String> spanNames(org.anneal.ml.Plot plot) {
        return plot.spans().stream().map(org.anneal.ml.Plot.Span::name).distinct().toList();
    }

    public static int seriesCount() {
        return SERIES.length;
    }

    /** The colour {@code t} (0..1) of the way from {@code from} to {@code to}. */
    public static int mix(int from, int to, double t) {
        double u = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(((from >> 16) & 0xff) + (((to >> 16) & 0xff) - ((from >> 16) & 0xff)) * u);
        int g = (int) Math.round(((from >> 8) & 0xff) + (((to >> 8) & 0xff) - ((from >> 8) & 0xff)) * u);
        int b = (int) Math.round((from & 0xff) + ((to & 0xff) - (from & 0xff)) * u);
        return (r << 16) | (g << 8) | b;
    }

    /** "#rrggbb", for JavaFX's Color.web. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
