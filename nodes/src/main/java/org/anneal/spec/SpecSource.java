package org.anneal.spec;

/**
 * A value that can state its own spec (a table its columns), so a node executed outside a run, as a pipeline step
 * or in a test, can still be configured on the values it is given (see {@link Inputs#plan}).
 */
public interface SpecSource {
    Spec spec(Lineage lineage);
}
