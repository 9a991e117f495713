package org.anneal.tests.archfixture.broken.ml;

/** A value of the engine that names a backend library. */
public class TribuoLoss {
    org.tribuo.regression.sgd.objectives.SquaredLoss objective;
}
