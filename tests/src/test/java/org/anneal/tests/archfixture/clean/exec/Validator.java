package org.anneal.tests.archfixture.clean.exec;

import org.anneal.tests.archfixture.clean.spec.Spec;

public class Validator {
    public Spec validate() {
        return new Spec();
    }
}
