package org.anneal.spec;

import java.util.Objects;

/**
 * Which rows a value is made of: all rows, or one side of a particular split node. The leakage analysis
 * compares partitions; the split node's id keeps two different splits apart.
 */
public record Partition(String splitNode, Side side) {
    public enum Side { ALL, TRAIN, VALIDATION, TEST }

    public static final Partition ALL = new Partition("", Side.ALL);

    public Partition {
        Objects.requireNonNull(splitNode);
        Objects.requireNonNull(side);
    }

    public static Partition of(String splitNode, Side side) {
        return new Partition(splitNode, side);
    }

    // Written out rather than left to the record: the generated ones link through java.lang.runtime.ObjectMethods at
    // their first call, which spins some twenty method-handle classes at run time in every process (the leakage
    // analysis compares partitions on every run). Same results as the record's: the components in order, 31 * h + c.
    @Override
    public boolean equals(Object o) {
        return o instanceof Partition p && splitNode.equals(p.splitNode) && side == p.side;
    }

    @Override
    public int hashCode() {
        return 31 * splitNode.hashCode() + side.hashCode();
    }

    @Override
    public String toString() {
        return side == Side.ALL ? "all rows" : side.name().toLowerCase(java.util.Locale.ROOT) + " rows of " + splitNode;
    }
}
