package org.anneal.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.anneal.ml.Plot;

/**
 * Draws a {@link Plot} with Java2D into an image: title, axes with nice ticks and grid, series (points with error
 * bars, lines with shaded bands, bars), dashed guide lines, a legend in the emptiest corner, and heat maps with
 * their numbers in the cells. AWT only, so it runs headless on the command line; the editor draws the same Plot
 * with JavaFX.
 */
public final class PlotRenderer {
    static final int LEFT = 72;
    static final int RIGHT = 24;
    static final int TOP = 44;
    static final int BOTTOM = 56;

    private PlotRenderer() {
    }

    /** Where data coordinates land in the image: the plot area and its two scales. */
    public record Frame(int left, int top, int width, int height, NiceScale x, NiceScale y) {
        public double px(double v) {
            return left + (v - x.min()) / (x.max() - x.min()) * width;
        }

        public double py(double v) {
            return top + height - (v - y.min()) / (y.max() - y.min()) * height;
        }
    }

    /** The image and, for charts with axes, the frame it was drawn in (null for a heat map). */
    public record Rendered(BufferedImage image, Frame frame) {
    }

    /** False on a machine without fonts (a bare container): charts are then drawn without any text. */
    public static boolean canDrawText() {
        return Canvas.hasFonts();
    }

    public static void writePng(Plot plot, Path file, int width, int height) throws IOException {
        Rendered r = render(plot, width, height);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        if (!ImageIO.write(r.image(), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    public static Rendered render(Plot plot, int width, int height) {
        Canvas c = new Canvas(width, height);
        c.g.setColor(Canvas.INK);
        c.font(Font.BOLD, 14);
        c.text(plot.title(), width / 2.0, 12, 0.5, 0);
        c.font(Font.PLAIN, 12);
        if (plot.kind() == Plot.Kind.HEATMAP) {
            HeatmapPainter.paint(c, plot, width, height);
            c.g.dispose();
            return new Rendered(c.image, null);
        }
        Frame f = frame(plot, width, height);
        axes(c, f, plot);
        spans(c, f, plot);
        int[] colours = PlotPalette.seriesColours(plot);
        for (int s = 0; s < plot.series().size(); s++) {
            Plot.Series series = plot.series().get(s);
            Color col = Canvas.colour(colours[s]);
            switch (plot.kind()) {
                case SCATTER -> points(c, f, series, col);
                case LINE -> line(c, f, series, col);
                case BAR -> bars(c, f, series, col, plot.series().size(), s, PlotScales.categories(plot));
                default -> throw new IllegalStateException(plot.kind().name());
            }
        }
        guides(c, f, plot.guides());
        legend(c, f, plot);
        c.g.dispose();
        return new Rendered(c.image, f);
    }

    static Frame frame(Plot plot, int width, int height) {
        PlotScales scales = PlotScales.of(plot); // the same axes the editor draws
        return new Frame(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM, scales.x(), scales.y());
    }

    private static void axes(Canvas c, Frame f, Plot plot) {
        c.stroke(1, false);
        for (double t : f.y().ticks()) {
            double y = f.py(t);
            c.g.setColor(Canvas.GRID);
            c.g.draw(new Line2D.Double(f.left(), y, f.left() + f.width(), y));
            c.g.setColor(Canvas.INK);
            c.g.draw(new Line2D.Double(f.left() - 4, y, f.left(), y));
            c.text(f.y().label(t), f.left() - 7, y, 1, 0.5);
        }
        if (plot.kind() != Plot.Kind.BAR) {
            for (double t : f.x().ticks()) {
                double x = f.px(t);
                c.g.setColor(Canvas.GRID);
                c.g.draw(new Line2D.Double(x, f.top(), x, f.top() + f.height()));
                c.g.setColor(Canvas.INK);
                c.g.draw(new Line2D.Double(x, f.top() + f.height(), x, f.top() + f.height() + 4));
                c.text(f.x().label(t), x, f.top() + f.height() + 7, 0.5, 0);
            }
        }
        c.g.setColor(Canvas.INK);
        c.g.draw(new Rectangle2D.Double(f.left(), f.top(), f.width(), f.height()));
        c.text(plot.xLabel(), f.left() + f.width() / 2.0, f.top() + f.height() + (plot.kind() == Plot.Kind.BAR ? 40 : 26), 0.5, 0);
        c.rotatedText(plot.yLabel(), 16, f.top() + f.height() / 2.0, -90, 0.5, 0);
    }

    /** Shaded x intervals over the plot area's full height, behind the series (one colour per span name). */
    private static void spans(Canvas c, Frame f, Plot plot) {
        List<String> names = PlotPalette.spanNames(plot);
        java.awt.Shape clip = c.g.getClip();
        c.g.clip(new Rectangle2D.Double(f.left(), f.top(), f.width(), f.height()));
        for (Plot.Span s : plot.spans()) {
            double a = f.px(s.from());
            double b = f.px(s.to());
            c.g.setColor(translucent(new Color(PlotPalette.span(names.indexOf(s.name()))), PlotPalette.SPAN_ALPHA));
            c.g.fill(new Rectangle2D.Double(Math.min(a, b), f.top(), Math.max(1, Math.abs(b - a)), f.height()));
        }
        c.g.setClip(clip);
    }

    private static void points(Canvas c, Frame f, Plot.Series s, Color col) {
        double[] x = s.x();
        double[] y = s.y();
        if (s.hasBand()) {
            c.g.setColor(translucent(col, 140));
            c.stroke(1, false);
            double[] lo = s.low();
            double[] hi = s.high();
            for (int i = 0; i < x.length; i++) {
                c.g.draw(new Line2D.Double(f.px(x[i]), f.py(lo[i]), f.px(x[i]), f.py(hi[i])));
            }
        }
        c.g.setColor(col);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) { // a missing point is left out, as in the editor
                c.g.fill(new Ellipse2D.Double(f.px(x[i]) - 3.5, f.py(y[i]) - 3.5, 7, 7));
            }
        }
    }

    private static void line(Canvas c, Frame f, Plot.Series s, Color col) {
        double[] x = s.x();
        double[] y = s.y();
        if (x.length == 0) {
            return;
        }
        if (s.hasBand()) {
            double[] lo = s.low();
            double[] hi = s.high();
            Path2D band = new Path2D.Double();
            band.moveTo(f.px(x[0]), f.py(hi[0]));
            for (int i = 1; i < x.length; i++) {
                band.lineTo(f.px(x[i]), f.py(hi[i]));
            }
            for (int i = x.length - 1; i >= 0; i--) {
                band.lineTo(f.px(x[i]), f.py(lo[i]));
            }
            band.closePath();
            c.g.setColor(translucent(col, 60));
            c.g.fill(band);
        }
        Path2D path = new Path2D.Double();
        path.moveTo(f.px(x[0]), f.py(y[0]));
        for (int i = 1; i < x.length; i++) {
            path.lineTo(f.px(x[i]), f.py(y[i]));
        }
        c.g.setColor(col);
        c.stroke(2, false);
        c.g.draw(path);
        if (x.length <= 30) {
            for (int i = 0; i < x.length; i++) {
                c.g.fill(new Ellipse2D.Double(f.px(x[i]) - 2.5, f.py(y[i]) - 2.5, 5, 5));
            }
        }
    }

    private static void bars(Canvas c, Frame f, Plot.Series s, Color col, int seriesCount, int index, List<String> categories) {
        double[] y = s.y();
        double slot = f.width() / (f.x().max() - f.x().min());
        double barWidth = slot * 0.7 / seriesCount;
        double[] lo = s.low();
        double[] hi = s.high();
        for (int i = 0; i < y.length; i++) {
            double centre = f.px(i) - slot * 0.35 + barWidth * (index + 0.5);
            double top = f.py(Math.max(0, y[i]));
            double bottom = f.py(Math.min(0, y[i]));
            c.g.setColor(col);
            c.g.fill(new Rectangle2D.Double(centre - barWidth / 2, top, barWidth, Math.max(1, bottom - top)));
            if (s.hasBand()) {
                c.g.setColor(Canvas.INK);
                c.stroke(1.2f, false);
                c.g.draw(new Line2D.Double(centre, f.py(lo[i]), centre, f.py(hi[i])));
                c.g.draw(new Line2D.Double(centre - 4, f.py(lo[i]), centre + 4, f.py(lo[i])));
                c.g.draw(new Line2D.Double(centre - 4, f.py(hi[i]), centre + 4, f.py(hi[i])));
            }
            if (index == 0 && i < categories.size()) {
                c.g.setColor(Canvas.INK);
                String label = categories.get(i);
                if (c.textWidth(label) > slot - 4) {
                    c.rotatedText(label, f.px(i), f.top() + f.height() + 6, -30, 1, 0);
                } else {
                    c.text(label, f.px(i), f.top() + f.height() + 6, 0.5, 0);
                }
            }
        }
        c.g.setColor(Canvas.INK);
        c.stroke(1, false);
        c.g.draw(new Line2D.Double(f.left(), f.py(0), f.left() + f.width(), f.py(0)));
    }

    private static void guides(Canvas c, Frame f, List<Plot.Guide> guides) {
        c.g.setColor(new Color(PlotPalette.GUIDE));
        c.stroke(1.5f, true);
        java.awt.Shape clip = c.g.getClip();
        c.g.clip(new Rectangle2D.Double(f.left(), f.top(), f.width(), f.height()));
        for (Plot.Guide g : guides) {
            double x0 = f.x().min();
            double x1 = f.x().max();
            c.g.draw(new Line2D.Double(f.px(x0), f.py(g.slope() * x0 + g.intercept()), f.px(x1), f.py(g.slope() * x1 + g.intercept())));
        }
        c.g.setClip(clip);
        c.stroke(1, false);
    }

    /** The legend goes in the corner of the plot area with the fewest points under it. */
    private static void legend(Canvas c, Frame f, Plot plot) {
        List<String> names = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        List<String> seriesNames = PlotPalette.seriesNames(plot);
        boolean single = seriesNames.size() == 1 && plot.guides().isEmpty();
        for (int s = 0; s < seriesNames.size() && !single; s++) {
            names.add(seriesNames.get(s));
            colours.add(Canvas.colour(s));
        }
        List<String> spanNames = PlotPalette.spanNames(plot);
        for (int k = 0; k < spanNames.size(); k++) {
            names.add(spanNames.get(k));
            colours.add(translucent(new Color(PlotPalette.span(k)), 110));
        }
        for (Plot.Guide g : plot.guides()) {
            names.add(g.name());
            colours.add(null);
        }
        if (names.isEmpty() || !Canvas.hasFonts()) {
            return;
        }
        int w = names.stream().mapToInt(c::textWidth).max().orElse(0) + 36;
        int h = names.size() * 17 + 8;
        double[][] corners = {{f.left() + 8, f.top() + 8}, {f.left() + f.width() - w - 8, f.top() + 8},
            {f.left() + 8, f.top() + f.height() - h - 8}, {f.left() + f.width() - w - 8, f.top() + f.height() - h - 8}};
        double[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (double[] corner : corners) {
            int n = 0;
            for (Plot.Series s : plot.series()) {
                double[] x = s.x();
                double[] y = s.y();
                // a line covers its segments too, not only its vertices: sample along each
                int steps = plot.kind() == Plot.Kind.LINE ? 20 : 1;
                for (int i = 0; i < x.length; i++) {
                    for (int k = 0; k < steps && (k == 0 || i + 1 < x.length); k++) {
                        double t = k / (double) steps;
                        double px = plot.kind() == Plot.Kind.BAR ? f.px(i) : f.px(k == 0 ? x[i] : x[i] + t * (x[i + 1] - x[i]));
                        double py = f.py(k == 0 ? y[i] : y[i] + t * (y[i + 1] - y[i]));
                        n += px >= corner[0] && px <= corner[0] + w && py >= corner[1] && py <= corner[1] + h ? 1 : 0;
                    }
                }
            }
            if (n < fewest) {
                fewest = n;
                best = corner;
            }
        }
        c.g.setColor(new Color(255, 255, 255, 225));
        c.g.fill(new Rectangle2D.Double(best[0], best[1], w, h));
        c.g.setColor(Canvas.GRID.darker());
        c.g.draw(new Rectangle2D.Double(best[0], best[1], w, h));
        for (int i = 0; i < names.size(); i++) {
            double y = best[1] + 12 + i * 17;
            if (colours.get(i) == null) {
                c.g.setColor(new Color(PlotPalette.GUIDE));
                c.stroke(1.5f, true);
                c.g.draw(new Line2D.Double(best[0] + 6, y, best[0] + 26, y));
                c.stroke(1, false);
            } else {
                c.g.setColor(colours.get(i));
                c.g.fill(new Rectangle2D.Double(best[0] + 10, y - 5, 10, 10));
            }
            c.g.setColor(Canvas.INK);
            c.text(names.get(i), best[0] + 32, y, 0, 0.5);
        }
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
