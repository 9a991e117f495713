package org.anneal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs only on a machine with a usable GPU and a {@code -Pgpu} build (CI has none: the {@code gpu} tag is excluded from
 * the default build through the root pom's {@code anneal.excludedGroups}). Run it with
 * {@code BACKEND_PRIORITY_GPU=100 mvn -Pgpu -pl nodes test -Dtest=GpuBackendTest -Danneal.excludedGroups=none}; bench/gpu-check.sh
 * is the full check.
 */
@Tag("gpu")
class GpuBackendTest {
    @Test
    void aGpuProcessLoadsTheCudaBackend() {
        Device d = DeviceSelector.system().select("gpu");
        assumeTrue(d.name().equals("gpu"), () -> "no usable GPU here: " + d.reason());
        assumeTrue("100".equals(System.getenv("BACKEND_PRIORITY_GPU")), "start with BACKEND_PRIORITY_GPU=100 (./anneal --device gpu sets it)");
        Nd4jRuntime.backend();
        assertEquals("gpu", Nd4jRuntime.loadedRuntime().device());
        assertEquals(true, Nd4jRuntime.serves(d));
    }
}
