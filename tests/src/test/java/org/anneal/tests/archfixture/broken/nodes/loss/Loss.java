package org.anneal.tests.archfixture.broken.nodes.loss;

import org.anneal.tests.archfixture.broken.nodes.model.GradientLearner;

public class Loss {
    GradientLearner learner;
}
