package org.anneal.graph;

import java.util.Objects;

/**
 * Workflow-wide settings.
 *
 * @param seed   every node's seed derives from this one, so a file gives the same numbers every run
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 */
public record Meta(String title, String description, long seed, String device) {
    public static final long DEFAULT_SEED = 42;

    public Meta {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        Objects.requireNonNull(device);
    }

    public static Meta defaults() {
        return new Meta("Untitled workflow", "", DEFAULT_SEED, "auto");
    }

    public Meta withSeed(long s) {
        return new Meta(title, description, s, device);
    }

    public Meta withDevice(String d) {
        return new Meta(title, description, seed, d);
    }
}
