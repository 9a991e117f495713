package org.anneal.graph;

import java.util.Objects;

/** A wire from an output port to an input port. */
public record Link(PortRef from, PortRef to) {
    public Link {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
    }

    public static Link of(String from, String to) {
        return new Link(PortRef.parse(from), PortRef.parse(to));
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
