package org.anneal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.anneal.nodes.nn.ExampleEdits;
import org.junit.jupiter.api.Test;

/** The results of a run that trained a network say what ND4J actually ran on, not only what the workflow asked for. */
class NetworkProvenanceTest {
    @Test
    void provenanceRecordsTheNativeRuntimeThatTrainedTheNetwork() throws Exception {
        var s = ExampleEdits.of("18-mlp-regression.json").set("mlp", "epochs", 2).run();
        assertTrue(s.run().problems().isEmpty(), s.run().problems().toString());
        JsonNode device = s.report().get("provenance").get("device");
        assertEquals("cpu", device.get("used").asText());
        JsonNode ran = device.get("native");
        assertEquals("cpu", ran.get("device").asText());
        assertEquals("CpuBackend", ran.get("backend").asText());
        assertEquals("1.0.0-M2.1", ran.get("nd4j").asText());
        assertEquals("float32", ran.get("dataType").asText());
        assertEquals("OPENBLAS", ran.get("blas").asText());
        assertEquals(NativeThreads.count(), ran.get("nativeThreads").asInt(), "the pool the natives use, fixed before they loaded");
        assertTrue(ran.get("binaryLevel").asText().matches("generic|x86-64|avx2|avx512"), ran.toString());
    }
}
