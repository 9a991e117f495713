package org.anneal.cli;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "edit", description = "Opens the workbench (JavaFX) on a workflow. Needs a desktop session; on Linux also GTK 3 "
        + "(libgtk-3-0). Exit code 1 when neither is there, with what to install.")
final class EditCommand extends CliCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKFLOW.json")
    Path workflow;

    @Override
    public Integer call() throws Exception {
        Optional<String> missing = DisplayCheck.problem();
        if (missing.isPresent()) {
            err().println(missing.get());
            return ExitCode.PROBLEMS;
        }
        // loaded by name so that no other command ever touches a JavaFX class
        Class<?> launcher = Class.forName("org.anneal.editor.EditorLauncher");
        try {
            launcher.getMethod("main", String[].class)
                    .invoke(null, (Object) (workflow == null ? new String[0] : new String[] {workflow.toString()}));
        } catch (InvocationTargetException e) {
            Optional<String> why = DisplayCheck.explain(e.getCause());
            if (why.isEmpty()) {
                throw e;
            }
            err().println(why.get()); // the machine, not a bug in Anneal
            return ExitCode.PROBLEMS;
        }
        return ExitCode.OK;
    }
}
