package org.anneal.tests.archfixture.broken.scratch;

/** In no layer at all. */
public class Helper {
}
