package org.anneal.lineage;

/**
 * Where the run-time leakage checks are, for whoever shows a run's progress: the split (or cross-validation) node
 * being checked, what is being looked for, and the fraction of that done. Called on the checking thread, often; a
 * listener keeps only what it needs to show.
 */
@FunctionalInterface
public interface CheckProgress {
    CheckProgress NONE = (node, what, fraction) -> { };

    void at(String node, String what, double fraction);
}
