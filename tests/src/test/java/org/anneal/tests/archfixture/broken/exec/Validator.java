package org.anneal.tests.archfixture.broken.exec;

import org.anneal.tests.archfixture.broken.lineage.Thresholds;

/** Upward: the engine reaches into the leakage package (what exec.Validator did for the thresholds). */
public class Validator {
    public Object check() {
        return new Thresholds();
    }
}
