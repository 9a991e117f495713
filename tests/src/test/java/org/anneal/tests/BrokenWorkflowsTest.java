package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of broken workflow gives one clear, located message and exit code 1 from both `validate`
 * and `run`, and never a stack trace.
 */
class BrokenWorkflowsTest {
    static final Path DIR = Path.of("tests/src/test/resources/broken");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad-json.json       | bad-json.json:8:                   | The file is not valid JSON",
            "unknown-node.json   | (at /nodes/2/type)                 | Unknown node type 'model.rigde'",
            "wrong-wire.json     | (at /links/4)                      | connects a Model output to a Table input",
            "cycle.json          | (at /nodes/1)                      | The wires form a loop: split → fit → score → split",
            "missing-csv.json    | (at /nodes/0/params/path)          | The data file 'no-such-file.csv' does not exist",
            "text-in-number.json | (at /nodes/0/params/path)          | Line 19, column 'hardness_hv': 'n/a' is not a number",
            "unknown-column.json | (at /nodes/0/params/target)        | The file has no column 'yield_strength'",
            "bad-param.json      | (at /nodes/2/params/lambda)        | 'lambda' is -3 but must be at least 0",
            "classifier-on-continuous.json | (at /nodes/3)            | A classifier needs a categorical target, but 'yield_mpa' holds numbers",
            "text-feature.json   | (at /nodes/3)                      | Feature 'grade' holds categories, but this learner needs numbers",
    })
    void givesOneLocatedMessageAndExitCodeOne(String file, String location, String message) {
        for (String command : new String[] {"validate", "run"}) {
            Cli r = Cli.run(command, DIR.resolve(file).toString(), "--out", tmp.resolve("r.json").toString());
            if (command.equals("validate")) {
                r = Cli.run(command, DIR.resolve(file).toString());
            }
            assertEquals(1, r.exit(), command + " " + file + "\n" + r.all());
            assertTrue(r.err().contains(message), command + " " + file + " should say: " + message + "\n" + r.all());
            assertTrue(r.err().contains(location), command + " " + file + " should locate: " + location + "\n" + r.all());
            assertTrue(r.err().contains("Fix: "), "a fix is offered\n" + r.all());
            assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), "no stack trace\n" + r.all());
            long errorLines = r.err().lines().filter(l -> l.startsWith("ERROR")).count();
            assertEquals(1, errorLines, "exactly one message\n" + r.all());
        }
    }

    @ParameterizedTest
    @CsvSource({"good.json"})
    void theUnbrokenFixtureRuns(String file) {
        Cli r = Cli.run("run", DIR.resolve(file).toString(), "--out", tmp.resolve("r.json").toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("r2"), r.out());
    }
}
