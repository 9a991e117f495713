package org.anneal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.anneal.ml.Plot;
import org.anneal.plots.PlotPalette;
import org.anneal.plots.PlotScales;

/**
 * Draws an {@link Plot} as plain shapes: scatter points, lines with their bands, bars, reference guides
 * (the 45° line of a parity plot, the zero line of residuals) and heat maps with their counts. Written
 * by hand rather than with javafx.scene.chart because those charts have no bands, guides or heat maps,
 * and draw one node per point; here a series is a single Path, so thousands of points stay cheap.
 * Every element carries a style class (plot-series, plot-guide, plot-band, plot-bar, heat-cell, heat-count)
 * so tests and style sheets can find it.
 */
public final class PlotChart extends Region {
    /** The series colours, shared with the PNG renderer ({@link PlotPalette}). */
    static final List<Color> PALETTE = java.util.stream.IntStream.range(0, PlotPalette.seriesCount()).mapToObj(k -> fx(PlotPalette.series(k))).toList();
    private static final double LEFT = 64, RIGHT = 16, TOP = 34, BOTTOM = 48;
    /** Above this many points a scatter series is drawn on a Canvas instead of as vector shapes. */
    static final int MAX_VECTOR_POINTS = 2000;

    private final Plot plot;
    private final Group content = new Group();
    private AxisScale xs;
    private AxisScale ys;
    private double drawnW = -1, drawnH = -1;
    /** The x range dragged across (see {@link ChartZoom}), or null for the whole plot. */
    private double[] zoom;

    public PlotChart(Plot plot) {
        this.plot = plot;
        getStyleClass().add("plot-chart");
        setStyle("-fx-background-color: white;");
        setMinSize(240, 180);
        setPrefSize(640, 420);
        getChildren().add(content);
        if (plot.kind() == Plot.Kind.LINE || plot.kind() == Plot.Kind.SCATTER) {
            ChartZoom.install(this);
        }
    }

    /** Shows x in [lo, hi] only, with y fitted to what lies there. */
    public void zoomTo(double lo, double hi) {
        zoom = new double[] {Math.min(lo, hi), Math.max(lo, hi)};
        if (drawnW > 0) {
            redraw(drawnW, drawnH);
        }
    }

    /** Back to the whole plot. */
    public void resetZoom() {
        zoom = null;
        if (drawnW > 0) {
            redraw(drawnW, drawnH);
        }
    }

    /** The chart's own children, for the zoom band drawn over it while dragging. */
    javafx.collections.ObservableList<javafx.scene.Node> layers() {
        return getChildren();
    }

    /** The zoomed x range, or null when the whole plot is on show. */
    public double[] zoomRange() {
        return zoom == null ? null : zoom.clone();
    }

    public Plot plot() {
        return plot;
    }

    /** The data coordinates under a point of this chart (for series and guides; heat maps have none). */
    public Point2D toData(double px, double py) {
        return xs == null ? null : new Point2D(xs.toData(px), ys.toData(py));
    }

    public AxisScale xScale() {
        return xs;
    }

    public AxisScale yScale() {
        return ys;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (w != drawnW || h != drawnH) {
            drawnW = w;
            drawnH = h;
            redraw(w, h);
        }
    }

    private void redraw(double w, double h) {
        List<javafx.scene.Node> out = new ArrayList<>();
        Text title = text(plot.title() == null ? "" : plot.title(), w / 2, 16, "plot-title");
        title.setFont(Font.font(null, FontWeight.BOLD, 14));
        centre(title);
        out.add(title);
        double x0 = LEFT, x1 = Math.max(LEFT + 10, w - RIGHT), y0 = TOP, y1 = Math.max(TOP + 10, h - BOTTOM);
        if (plot.kind() == Plot.Kind.HEATMAP) {
            xs = null;
            ys = null;
            HeatmapDrawing.draw(plot, x0, y0, x1, y1, out);
        } else {
            PlotScales scales = zoom == null ? PlotScales.of(plot) : PlotScales.zoomed(plot, zoom[0], zoom[1]); // the PNG renderer's axes
            if (scales.square()) { // a square plot area, so the identity line really is at 45°
                double side = Math.min(x1 - x0, y1 - y0);
                x0 += (x1 - x0 - side) / 2; // centred under the title
                x1 = x0 + side;
                y1 = y0 + side;
            }
            xs = AxisScale.along(scales.x(), x0, x1);
            ys = AxisScale.along(scales.y(), y1, y0); // pixels grow downwards, values upwards
            out.addAll(axes(x0, x1, y0, y1));
            Group data = new Group();
            data.setClip(new Rectangle(x0, y0, x1 - x0, y1 - y0));
            data.getChildren().addAll(spans(y0, y1)); // behind guides and data
            for (Plot.Guide g : plot.guides()) {
                Line l = new Line(x0, ys.toPixel(g.slope() * xs.min() + g.intercept()), x1, ys.toPixel(g.slope() * xs.max() + g.intercept()));
                l.getStyleClass().add("plot-guide");
                l.setUserData(g);
                l.setStroke(fx(PlotPalette.GUIDE));
                l.getStrokeDashArray().setAll(6.0, 4.0);
                data.getChildren().add(l);
            }
            data.getChildren().addAll(plot.kind() == Plot.Kind.BAR ? bars() : seriesShapes()); // data above the guides
            out.add(data);
            out.addAll(legend(x1));
            out.add(readout(x0, y0, x1, y1));
        }
        Text xl = text(plot.xLabel() == null ? "" : plot.xLabel(), (x0 + x1) / 2, Math.min(h - 10, y1 + 34), "plot-xlabel");
        centre(xl);
        Text yl = text(plot.yLabel() == null ? "" : plot.yLabel(), 0, 0, "plot-ylabel");
        centre(yl);
        yl.setRotate(-90);
        yl.setX(x0 - 50 - yl.getLayoutBounds().getWidth() / 2); // left of the tick labels, wherever the plot area starts
        yl.setY((y0 + y1) / 2);
        out.add(xl);
        out.add(yl);
        content.getChildren().setAll(out);
    }

    private List<javafx.scene.Node> axes(double x0, double x1, double y0, double y1) {
        List<javafx.scene.Node> out = new ArrayList<>();
        for (double t : ys.ticks()) {
            double py = ys.toPixel(t);
            Line grid = new Line(x0, py, x1, py);
            grid.setStroke(fx(PlotPalette.GRID));
            out.add(grid);
            Text label = text(ys.format(t), x0 - 6, py, "plot-tick");
            label.setX(x0 - 6 - label.getLayoutBounds().getWidth());
            label.setTextOrigin(VPos.CENTER);
            out.add(label);
        }
        if (plot.kind() == Plot.Kind.BAR) {
            List<String> cats = PlotScales.categories(plot);
            for (int i = 0; i < cats.size(); i++) {
                Text label = text(cats.get(i), xs.toPixel(i), y1 + 14, "plot-tick");
                centre(label);
                out.add(label);
            }
            out.add(frame(x0, x1, y0, y1));
            return out;
        }
        for (double t : xs.ticks()) {
            double px = xs.toPixel(t);
            Line grid = new Line(px, y0, px, y1);
            grid.setStroke(fx(PlotPalette.GRID));
            out.add(grid);
            Text label = text(xs.format(t), px, y1 + 14, "plot-tick");
            centre(label);
            out.add(label);
        }
        out.add(frame(x0, x1, y0, y1)); // last, so the grid lines stay inside it
        return out;
    }

    private static Rectangle frame(double x0, double x1, double y0, double y1) {
        Rectangle frame = new Rectangle(x0, y0, x1 - x0, y1 - y0);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(fx(PlotPalette.FRAME));
        return frame;
    }

    /** Each shaded interval as a full-height rectangle (style class plot-span, the Span as user data). */
    private List<javafx.scene.Node> spans(double y0, double y1) {
        List<javafx.scene.Node> out = new ArrayList<>();
        List<String> names = PlotPalette.spanNames(plot);
        for (Plot.Span s : plot.spans()) {
            double a = xs.toPixel(s.from()), b = xs.toPixel(s.to());
            Rectangle r = new Rectangle(Math.min(a, b), y0, Math.max(1, Math.abs(b - a)), y1 - y0);
            Color c = fx(PlotPalette.span(names.indexOf(s.name())));
            r.setFill(c.deriveColor(0, 1, 1, PlotPalette.SPAN_ALPHA / 255.0));
            r.getStyleClass().add("plot-span");
            r.setUserData(s);
            out.add(r);
        }
        return out;
    }

    private List<javafx.scene.Node> seriesShapes() {
        List<javafx.scene.Node> out = new ArrayList<>();
        int[] colours = PlotPalette.seriesColours(plot);
        for (int k = 0; k < plot.series().size(); k++) {
            Plot.Series s = plot.series().get(k);
            Color c = PALETTE.get(colours[k] % PALETTE.size());
            double[] x = s.x(), y = s.y();
            if (s.hasBand()) {
                out.add(band(s, c));
            }
            if (plot.kind() == Plot.Kind.SCATTER && x.length > MAX_VECTOR_POINTS) {
                out.add(pointCanvas(s, c));
                continue;
            }
            Path path = new Path();
            path.getStyleClass().add("plot-series");
            path.setId("series-" + s.name().replaceAll("[^A-Za-z0-9_-]", "_"));
            path.setUserData(s);
            boolean line = plot.kind() == Plot.Kind.LINE;
            if (line && x.length > 4 * drawnW) {
                int[] keep = LineDecimation.keep(x, y, xs, 4 * drawnW);
                double[] dx = new double[keep.length], dy = new double[keep.length];
                for (int i = 0; i < keep.length; i++) {
                    dx[i] = keep[i] < 0 ? Double.NaN : x[keep[i]];
                    dy[i] = keep[i] < 0 ? Double.NaN : y[keep[i]];
                }
                x = dx;
                y = dy;
            }
            boolean pen = false;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    pen = false; // a gap in a curve, a missing point in a scatter
                    continue;
                }
                double px = xs.toPixel(x[i]), py = ys.toPixel(y[i]);
                if (line) {
                    path.getElements().add(pen ? new LineTo(px, py) : new MoveTo(px, py));
                    pen = true;
                } else { // a small diamond per point: one Path for the whole series
                    path.getElements().addAll(new MoveTo(px, py - 3), new LineTo(px + 3, py), new LineTo(px, py + 3), new LineTo(px - 3, py),
                            new LineTo(px, py - 3));
                }
            }
            path.setStroke(c);
            path.setStrokeWidth(line ? 2 : 1);
            path.setFill(line ? null : c.deriveColor(0, 1, 1, 0.6));
            out.add(path);
        }
        return out;
    }

    /**
     * Many points (an embedding of every micrograph patch) as pixels on one Canvas: a Path of that many
     * diamonds takes seconds to render in software; the canvas takes milliseconds. Exported PNGs of such
     * charts are raster at screen resolution.
     */
    private javafx.scene.canvas.Canvas pointCanvas(Plot.Series s, Color c) {
        javafx.scene.canvas.Canvas canvas = new javafx.scene.canvas.Canvas(Math.max(1, drawnW), Math.max(1, drawnH));
        canvas.getStyleClass().add("plot-series");
        canvas.setId("series-" + s.name().replaceAll("[^A-Za-z0-9_-]", "_"));
        canvas.setUserData(s);
        var g = canvas.getGraphicsContext2D();
        g.setFill(c.deriveColor(0, 1, 1, 0.6));
        double[] x = s.x(), y = s.y();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                g.fillRect(xs.toPixel(x[i]) - 1.5, ys.toPixel(y[i]) - 1.5, 3, 3);
            }
        }
        return canvas;
    }

    /** A filled band for curves (mean ± sd); error bars for points (prediction intervals). */
    private javafx.scene.Node band(Plot.Series s, Color c) {
        double[] x = s.x(), lo = s.low(), hi = s.high();
        if (plot.kind() == Plot.Kind.LINE) {
            Polygon p = new Polygon();
            for (int i = 0; i < x.length; i++) {
                p.getPoints().addAll(xs.toPixel(x[i]), ys.toPixel(hi[i]));
            }
            for (int i = x.length - 1; i >= 0; i--) {
                p.getPoints().addAll(xs.toPixel(x[i]), ys.toPixel(lo[i]));
            }
            p.setFill(c.deriveColor(0, 1, 1, 0.2));
            p.getStyleClass().add("plot-band");
            return p;
        }
        Path bars = new Path();
        for (int i = 0; i < x.length; i++) {
            bars.getElements().addAll(new MoveTo(xs.toPixel(x[i]), ys.toPixel(lo[i])), new LineTo(xs.toPixel(x[i]), ys.toPixel(hi[i])));
        }
        bars.setStroke(c.deriveColor(0, 1, 1, 0.5));
        bars.getStyleClass().add("plot-band");
        return bars;
    }

    private List<javafx.scene.Node> bars() {
        List<javafx.scene.Node> out = new ArrayList<>();
        List<String> cats = PlotScales.categories(plot);
        int k = plot.series().size();
        double slot = Math.abs(xs.toPixel(1) - xs.toPixel(0)) * 0.8;
        for (int j = 0; j < k; j++) {
            Plot.Series s = plot.series().get(j);
            double[] y = s.y(), lo = s.low(), hi = s.high();
            for (int i = 0; i < Math.min(y.length, cats.size()); i++) {
                double left = xs.toPixel(i) - slot / 2 + j * slot / k;
                double top = ys.toPixel(Math.max(0, y[i])), bottom = ys.toPixel(Math.min(0, y[i]));
                Rectangle r = new Rectangle(left, top, slot / k, Math.max(0.5, bottom - top));
                r.setFill(PALETTE.get(j % PALETTE.size()));
                r.getStyleClass().add("plot-bar");
                r.setUserData(y[i]);
                out.add(r);
                if (lo != null && hi != null) {
                    Line e = new Line(left + slot / k / 2, ys.toPixel(lo[i]), left + slot / k / 2, ys.toPixel(hi[i]));
                    e.getStyleClass().add("plot-band");
                    out.add(e);
                }
            }
        }
        return out;
    }

    private List<javafx.scene.Node> legend(double right) {
        List<javafx.scene.Node> out = new ArrayList<>();
        List<String> spanNames = PlotPalette.spanNames(plot);
        List<String> names = PlotPalette.seriesNames(plot);
        if (names.size() < 2 && plot.guides().isEmpty() && spanNames.isEmpty()) {
            return out; // one series: the title says what it is
        }
        double y = TOP + 12;
        for (int k = 0; k < names.size(); k++) {
            Text t = text("■ " + names.get(k), 0, y, "plot-legend");
            t.setFill(PALETTE.get(k % PALETTE.size()));
            t.setX(right - 8 - t.getLayoutBounds().getWidth());
            out.add(t);
            y += 16;
        }
        for (int k = 0; k < spanNames.size(); k++) {
            Text t = text("▮ " + spanNames.get(k), 0, y, "plot-legend");
            t.setFill(fx(PlotPalette.span(k)));
            t.setX(right - 8 - t.getLayoutBounds().getWidth());
            out.add(t);
            y += 16;
        }
        for (Plot.Guide g : plot.guides()) {
            Text t = text("- - " + g.name(), 0, y, "plot-legend");
            t.setFill(fx(PlotPalette.GUIDE));
            t.setX(right - 8 - t.getLayoutBounds().getWidth());
            out.add(t);
            y += 16;
        }
        // a white card behind the entries, so points and lines under the legend never garble it
        double left = out.stream().mapToDouble(n -> ((Text) n).getX()).min().orElse(right);
        Rectangle card = new Rectangle(left - 4, TOP + 1, right - left + 2, y - TOP - 10);
        card.setFill(Color.rgb(255, 255, 255, 0.85));
        out.add(0, card);
        return out;
    }

    /** The coordinates under the mouse, so values can be read off the chart without guessing from ticks. */
    private Text readout(double x0, double y0, double x1, double y1) {
        Text t = text("", x0, TOP - 8, "plot-readout");
        t.setFill(fx(PlotPalette.GUIDE));
        setOnMouseMoved(e -> {
            if (xs == null || e.getX() < x0 || e.getX() > x1 || e.getY() < y0 || e.getY() > y1) {
                t.setText("");
                return;
            }
            Point2D d = toData(e.getX(), e.getY());
            t.setText(plot.kind() == Plot.Kind.BAR ? String.format(Locale.ROOT, "y = %.4g", d.getY())
                    : String.format(Locale.ROOT, "x = %.4g   y = %.4g", d.getX(), d.getY()));
        });
        setOnMouseExited(e -> t.setText(""));
        return t;
    }

    static Text text(String s, double x, double y, String styleClass) {
        Text t = new Text(x, y, s);
        t.getStyleClass().add(styleClass);
        t.setFont(Font.font(11));
        t.setFill(fx(PlotPalette.INK));
        return t;
    }

    /** A palette colour (0xRRGGBB) as a JavaFX colour. */
    static Color fx(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    static void centre(Text t) {
        t.setTextAlignment(TextAlignment.CENTER);
        t.setX(t.getX() - t.getLayoutBounds().getWidth() / 2);
    }
}
