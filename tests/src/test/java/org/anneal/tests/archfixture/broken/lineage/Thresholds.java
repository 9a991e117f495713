package org.anneal.tests.archfixture.broken.lineage;

import org.anneal.tests.archfixture.broken.exec.Validator;

/** Closes the cycle exec -> lineage -> exec. */
public class Thresholds {
    Validator validator;
}
