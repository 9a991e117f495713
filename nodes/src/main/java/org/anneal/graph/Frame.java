package org.anneal.graph;

import java.util.Objects;

/**
 * A titled, coloured rectangle drawn behind nodes on the canvas to group them, typically one CRISP-DM phase.
 * Only a drawing: the engine ignores frames, and a node belongs to a frame while it lies inside it.
 *
 * @param colour a CSS colour such as {@code #e8f0fe}
 */
public record Frame(String id, String title, String colour, double x, double y, double width, double height) {
    public static final double MIN_SIZE = 60;

    public Frame {
        Objects.requireNonNull(id);
        title = title == null ? "" : title;
        colour = colour == null || colour.isBlank() ? "#e8eaed" : colour;
        width = Math.max(MIN_SIZE, width);
        height = Math.max(MIN_SIZE, height);
    }

    public Frame withTitle(String t) {
        return new Frame(id, t, colour, x, y, width, height);
    }

    public Frame withColour(String c) {
        return new Frame(id, title, c, x, y, width, height);
    }

    public Frame movedTo(double nx, double ny) {
        return new Frame(id, title, colour, nx, ny, width, height);
    }

    public Frame resizedTo(double w, double h) {
        return new Frame(id, title, colour, x, y, w, h);
    }

    /** True when the rectangle {@code (px, py, pw, ph)} lies entirely inside this frame. */
    public boolean contains(double px, double py, double pw, double ph) {
        return px >= x && py >= y && px + pw <= x + width && py + ph <= y + height;
    }
}
