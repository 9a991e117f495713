package org.anneal.tests.archfixture.clean.session;

import org.anneal.tests.archfixture.clean.exec.Validator;
import org.anneal.tests.archfixture.clean.lineage.Thresholds;

/** The engine entry point is a service: it may use the leakage layer and the engine. */
public class WorkflowSession {
    public Object run() {
        return new Thresholds().check(new Validator());
    }
}
