package org.anneal.tests.archfixture.clean.spec;

/** Ground: uses nothing of Anneal's. */
public class Spec {
}
