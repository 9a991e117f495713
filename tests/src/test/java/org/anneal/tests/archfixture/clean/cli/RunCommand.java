package org.anneal.tests.archfixture.clean.cli;

import org.anneal.tests.archfixture.clean.nodes.model.ModelNode;
import org.anneal.tests.archfixture.clean.session.WorkflowSession;

public class RunCommand {
    public Object call() {
        return new WorkflowSession().run() + new ModelNode().toString();
    }
}
