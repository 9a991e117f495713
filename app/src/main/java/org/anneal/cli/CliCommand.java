package org.anneal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A subcommand of {@code anneal}: picocli injects the command's spec here (it reads annotated fields of superclasses),
 * and {@link #out()} and {@link #err()} are the writers {@link Anneal#execute} gave it, so tests capture what it prints.
 */
abstract class CliCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
