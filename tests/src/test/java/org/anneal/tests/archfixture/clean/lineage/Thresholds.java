package org.anneal.tests.archfixture.clean.lineage;

import org.anneal.tests.archfixture.clean.exec.Validator;

public class Thresholds {
    public Object check(Validator v) {
        return v.validate();
    }
}
