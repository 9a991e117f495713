package org.anneal.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.anneal.cli.Anneal;

/** Runs the command line in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Anneal.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    String all() {
        return out + err;
    }
}
