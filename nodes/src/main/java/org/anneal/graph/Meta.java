package org.anneal.graph;

import java.util.List;
import java.util.Objects;

/**
 * Workflow-wide settings.
 *
 * @param seed   every node's seed derives from this one, so a file gives the same numbers every run
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param unit   the course unit the workflow belongs to ("2 · Honest evaluation"), so examples are listed by what they
 *               teach rather than by file name; empty when it belongs to none
 * @param goals  the learning goals the lesson pane lists ("Read a parity plot"); the engine ignores both
 */
public record Meta(String title, String description, long seed, String device, String unit, List<String> goals) {
    public static final long DEFAULT_SEED = 42;

    public Meta {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        Objects.requireNonNull(device);
        unit = unit == null ? "" : unit;
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** A workflow outside any course unit, without learning goals. */
    public Meta(String title, String description, long seed, String device) {
        this(title, description, seed, device, "", List.of());
    }

    public static Meta defaults() {
        return new Meta("Untitled workflow", "", DEFAULT_SEED, "auto");
    }

    public Meta withSeed(long s) {
        return new Meta(title, description, s, device, unit, goals);
    }

    public Meta withDevice(String d) {
        return new Meta(title, description, seed, d, unit, goals);
    }
}
