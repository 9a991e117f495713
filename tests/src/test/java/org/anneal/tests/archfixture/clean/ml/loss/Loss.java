package org.anneal.tests.archfixture.clean.ml.loss;

public record Loss(String kind) {
}
