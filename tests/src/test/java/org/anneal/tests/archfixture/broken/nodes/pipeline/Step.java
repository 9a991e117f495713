package org.anneal.tests.archfixture.broken.nodes.pipeline;

import org.anneal.tests.archfixture.broken.exec.Validator;

/** The node library naming the executor (as a pipeline step once did with StandaloneContext). */
public class Step {
    Validator validator;
}
