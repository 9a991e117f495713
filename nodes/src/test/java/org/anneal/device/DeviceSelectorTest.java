package org.anneal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceSelectorTest {
    record FakeProbe(boolean backend, boolean driver, String cuda) implements DeviceProbe {
        @Override
        public boolean cudaBackendInBuild() {
            return backend;
        }

        @Override
        public boolean nvidiaDriverPresent() {
            return driver;
        }

        @Override
        public String driverCudaVersion() {
            return cuda;
        }
    }

    @Test
    void cpuIsAlwaysHonoured() {
        Device d = new DeviceSelector(new FakeProbe(true, true, "12.2")).select("cpu");
        assertEquals("cpu", d.name());
        assertEquals("", d.reason());
    }

    @Test
    void gpuFallsBackWithTheReasonWhenTheBuildHasNoCudaBackend() {
        Device d = new DeviceSelector(new FakeProbe(false, true, null)).select("gpu");
        assertEquals("cpu", d.name());
        assertTrue(d.isFallback());
        assertTrue(d.reason().contains("no CUDA backend") && d.reason().contains("-Pgpu"), d.reason());
    }

    @Test
    void gpuFallsBackWithoutADriverOrWithAnOldOne() {
        assertTrue(new DeviceSelector(new FakeProbe(true, false, null)).select("gpu").reason().contains("no NVIDIA driver"));
        assertTrue(new DeviceSelector(new FakeProbe(true, true, "11.2")).select("gpu").reason().contains("needs CUDA 11.6"));
    }

    /** A machine with a driver, the CUDA backend in the build and a GPU of the given compute capability. */
    record GpuProbe(String computeCapability) implements DeviceProbe {
        @Override
        public boolean cudaBackendInBuild() {
            return true;
        }

        @Override
        public boolean nvidiaDriverPresent() {
            return true;
        }

        @Override
        public String driverCudaVersion() {
            return "12.4";
        }
    }

    @Test
    void aGpuNewerThanComputeCapability8IsRefusedWithTheReasonNotCrashedOn() {
        for (String cc : new String[] {"9.0", "10.0", "12.0"}) {
            Device d = new DeviceSelector(new GpuProbe(cc)).select("gpu");
            assertEquals("cpu", d.name(), cc);
            assertTrue(d.isFallback());
            assertTrue(d.reason().contains("compute capability " + cc) && d.reason().contains("up to 8.x"), d.reason());
            assertEquals("cpu", new DeviceSelector(new GpuProbe(cc)).select("auto").name(), "auto does not pick it either");
        }
        for (String cc : new String[] {"7.5", "8.0", "8.6", "8.9"}) {
            assertEquals("gpu", new DeviceSelector(new GpuProbe(cc)).select("gpu").name(), cc);
        }
        assertEquals("gpu", new DeviceSelector(new GpuProbe(null)).select("gpu").name(), "an unknown capability is not refused");
    }

    @Test
    void autoTakesAWorkingGpuAndOtherwiseTheCpuQuietlyExplained() {
        assertEquals("gpu", new DeviceSelector(new FakeProbe(true, true, "12.0")).select("auto").name());
        Device cpu = new DeviceSelector(new FakeProbe(false, false, null)).select("auto");
        assertEquals("cpu", cpu.name());
        assertTrue(cpu.reason().startsWith("no GPU"));
        assertTrue(!cpu.isFallback(), "auto never counts as a failed request");
    }

    @Test
    void launcherEnvironmentDemotesTheBackendNotChosen() {
        assertEquals("-1", DeviceSelector.environmentFor(new Device("cpu", "cpu", "", "")).get("BACKEND_PRIORITY_GPU"));
        assertEquals("100", DeviceSelector.environmentFor(new Device("gpu", "gpu", "", "")).get("BACKEND_PRIORITY_GPU"));
    }

    @Test
    void onThisGpuLessMachineTheRealProbeFallsBackAndNd4jRunsOnTheCpu() {
        Device d = DeviceSelector.system().select("gpu");
        assertEquals("cpu", d.name());
        assertTrue(d.isFallback());
        assertEquals("CpuBackend", Nd4jRuntime.backend());
        assertTrue(Nd4jRuntime.serves(d));
    }
}
