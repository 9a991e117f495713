package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.anneal.graph.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate.conformal keeps calibration rows apart from test rows: the leakage analysis and configure both say so. */
class ConformalLeakageTest {
    static final Path EXAMPLE = Path.of("workflows/21-uncertainty-and-next-experiment.json");

    @TempDir
    Path tmp;

    /** Workflow 21 with the wires into conformal_forest's ports coming from elsewhere: port, from, port, from … */
    Path rewired(String... portFrom) throws Exception {
        ObjectNode w = (ObjectNode) Json.MAPPER.readTree(EXAMPLE.toFile());
        w.remove("expect");
        for (var link : (ArrayNode) w.get("links")) {
            for (int i = 0; i < portFrom.length; i += 2) {
                if (link.get("to").asText().equals("conformal_forest:" + portFrom[i])) {
                    ((ObjectNode) link).put("from", portFrom[i + 1]);
                }
            }
        }
        Path file = tmp.resolve("rewired.json");
        Json.MAPPER.writeValue(file.toFile(), w);
        return file;
    }

    @Test
    void theExampleIsClean() {
        Cli r = Cli.run("check", EXAMPLE.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("no leakage found"), r.out());
    }

    @Test
    void calibratingOnTheTestRowsIsTestRowsUsedForFitting() throws Exception {
        // the test port moved to the validation rows, so configure is content and the leakage rules judge the calibration wire
        Cli r = Cli.run("check", rewired("calibration", "split:test", "test", "split:validation").toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("L5") && r.out().contains("conformal_forest"), r.out());
    }

    @Test
    void testRowsFromTheCalibrationSideAreALocatedConfigureError() throws Exception {
        Cli r = Cli.run("validate", rewired("test", "split:validation").toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("conformal_forest") && r.all().contains("not held apart"), r.all());
    }
}
