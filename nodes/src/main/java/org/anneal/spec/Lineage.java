package org.anneal.spec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the rows of a value come from, and which rows fitted any state that shaped it. Computed during
 * configure, before anything runs, so leakage can be shown while a student is still wiring.
 *
 * @param partition the rows this value is made of
 * @param fittedOn  partitions whose rows fitted state (statistics, weights) upstream of this value
 * @param chosenOn  partitions whose rows chose the learner behind this value (a tune node's candidates were fitted and
 *                  compared on them) without this value being fitted on them; carried from the learner wire through
 *                  {@code train.fit} into the model, so a score is judged by every row that chose its model (issue 16)
 */
public record Lineage(Partition partition, Set<Partition> fittedOn, Set<Partition> chosenOn) {
    public static final Lineage UNSPLIT = new Lineage(Partition.ALL, Set.of());

    public Lineage {
        fittedOn = Set.copyOf(fittedOn);
        chosenOn = Set.copyOf(chosenOn);
    }

    public Lineage(Partition partition, Set<Partition> fittedOn) {
        this(partition, fittedOn, Set.of());
    }

    public Lineage withPartition(Partition p) {
        return new Lineage(p, fittedOn, chosenOn);
    }

    /** This lineage after state fitted on {@code other}'s rows was applied to it. */
    public Lineage fittedWith(Lineage other) {
        Set<Partition> all = new LinkedHashSet<>(fittedOn);
        all.addAll(other.fittedOn);
        all.add(other.partition);
        Set<Partition> chosen = new LinkedHashSet<>(chosenOn);
        chosen.addAll(other.chosenOn);
        return new Lineage(partition, all, chosen);
    }

    /** This lineage, further chosen on {@code rows} (a tune node's train and select partitions, or a learner's own choice). */
    public Lineage chosenOn(Set<Partition> rows) {
        Set<Partition> chosen = new LinkedHashSet<>(chosenOn);
        chosen.addAll(rows);
        return new Lineage(partition, fittedOn, chosen);
    }

    /** Lineage of a value learnt from {@code rows}: it carries those rows as fitted-on. */
    public static Lineage learntFrom(Lineage rows) {
        return new Lineage(rows.partition, Set.of()).fittedWith(rows);
    }
}
