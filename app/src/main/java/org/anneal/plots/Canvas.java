package org.anneal.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A white image with anti-aliased drawing and text helpers. Text needs a font, and Java2D finds fonts through
 * fontconfig; on a machine without any (a bare container) it throws, so text is then left out and the chart
 * itself is still drawn.
 */
final class Canvas {
    static final Color INK = new Color(PlotPalette.INK);
    static final Color GRID = new Color(PlotPalette.GRID);
    private static final boolean FONTS = fontsWork();

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (FONTS) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
    }

    static Color colour(int series) {
        return new Color(PlotPalette.series(series));
    }

    /** Whether text can be drawn on this machine. */
    static boolean hasFonts() {
        return FONTS;
    }

    private static boolean fontsWork() {
        try {
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.getFontMetrics().stringWidth("0.5");
            g.dispose();
            return true;
        } catch (Exception | Error e) {
            // no fonts installed: "java.lang.Error: Probable fatal error: No physical fonts found" (seen with an empty
            // /usr/share/fonts); other broken set-ups throw NullPointerException or UnsatisfiedLinkError from sun.font
            return false;
        }
    }

    int textWidth(String s) {
        return FONTS ? g.getFontMetrics().stringWidth(s) : 0;
    }

    int textHeight() {
        return FONTS ? g.getFontMetrics().getAscent() : 0;
    }

    /** Draws {@code s} with its anchor at (x, y): hAlign 0 left, 0.5 centre, 1 right; vAlign likewise from top. */
    void text(String s, double x, double y, double hAlign, double vAlign) {
        if (!FONTS || s == null || s.isEmpty()) {
            return;
        }
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) (x - hAlign * fm.stringWidth(s)), (float) (y - vAlign * fm.getAscent() + fm.getAscent()));
    }

    /** Text turned by {@code degrees} (negative: counter-clockwise) about its anchor. */
    void rotatedText(String s, double x, double y, double degrees, double hAlign, double vAlign) {
        if (!FONTS) {
            return;
        }
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(Math.toRadians(degrees));
        text(s, 0, 0, hAlign, vAlign);
        g.setTransform(saved);
    }

    void font(int style, int size) {
        if (FONTS) {
            g.setFont(new Font(Font.SANS_SERIF, style, size));
        }
    }

    void stroke(float width, boolean dashed) {
        g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }
}
