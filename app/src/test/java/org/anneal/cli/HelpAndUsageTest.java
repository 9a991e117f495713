package org.anneal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A command line that scripts well: --help on every subcommand, and no command at all is a usage error (exit 2). */
class HelpAndUsageTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Anneal.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void everySubcommandTakesHelp() {
        for (String[] cmd : new String[][] {{"run"}, {"check"}, {"validate"}, {"edit"}, {"grade"}, {"handin"}, {"plot"}, {"format"}, {"puzzle", "verify"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            String[] r = run(args);
            assertEquals("0", r[0], String.join(" ", args) + ": " + r[2]);
            assertTrue(r[1].startsWith("Usage: anneal " + String.join(" ", cmd)), r[1]);
        }
    }

    @Test
    void noCommandIsAUsageError() {
        String[] r = run();
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("Usage: anneal"), r[2]);
    }
}
