package org.anneal.tests.archfixture.clean.nodes.loss;

import org.anneal.tests.archfixture.clean.ml.loss.Loss;
import org.anneal.tests.archfixture.clean.spec.Spec;

public class LossNode {
    public Loss make(Spec s) {
        return new Loss("squared");
    }
}
