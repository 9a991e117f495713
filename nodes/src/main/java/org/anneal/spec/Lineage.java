package org.anneal.spec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the rows of a value come from, and which rows fitted any state that shaped it. Computed during
 * configure, before anything runs, so leakage can be shown while a student is still wiring.
 *
 * @param partition the rows this value is made of
 * @param fittedOn  partitions whose rows fitted state (statistics, weights) upstream of this value
 */
public record Lineage(Partition partition, Set<Partition> fittedOn) {
    public static final Lineage UNSPLIT = new Lineage(Partition.ALL, Set.of());

    public Lineage {
        fittedOn = Set.copyOf(fittedOn);
    }

    public Lineage withPartition(Partition p) {
        return new Lineage(p, fittedOn);
    }

    /** This lineage after state fitted on {@code other}'s rows was applied to it. */
    public Lineage fittedWith(Lineage other) {
        Set<Partition> all = new LinkedHashSet<>(fittedOn);
        all.addAll(other.fittedOn);
        all.add(other.partition);
        return new Lineage(partition, all);
    }

    /** Lineage of a value learnt from {@code rows}: it carries those rows as fitted-on. */
    public static Lineage learntFrom(Lineage rows) {
        return new Lineage(rows.partition, Set.of()).fittedWith(rows);
    }
}
