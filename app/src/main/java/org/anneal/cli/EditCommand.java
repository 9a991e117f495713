package org.anneal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "edit", description = "Opens the workbench (JavaFX) on a workflow.")
final class EditCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKFLOW.json")
    Path workflow;

    @Override
    public Integer call() throws Exception {
        // loaded by name so that no other command ever touches a JavaFX class
        Class<?> launcher = Class.forName("org.anneal.editor.EditorLauncher");
        launcher.getMethod("main", String[].class)
                .invoke(null, (Object) (workflow == null ? new String[0] : new String[] {workflow.toString()}));
        return ExitCode.OK;
    }
}
