package org.anneal.device;

import java.nio.file.Files;
import java.nio.file.Path;

/** What this machine and this build offer; replaced in tests to exercise every branch on a CPU machine. */
public interface DeviceProbe {
    /** True when ND4J's CUDA backend is on the class path (a build with {@code -Pgpu}). */
    boolean cudaBackendInBuild();

    /** True when an NVIDIA kernel driver is loaded on this machine. */
    boolean nvidiaDriverPresent();

    /** The CUDA runtime major.minor the driver supports, or null when unknown. */
    String driverCudaVersion();

    /** The real probe: class lookup without initialising ND4J, and the driver's /proc entry. */
    static DeviceProbe system() {
        return new DeviceProbe() {
            @Override
            public boolean cudaBackendInBuild() {
                try {
                    Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, DeviceProbe.class.getClassLoader());
                    return true;
                } catch (ClassNotFoundException | LinkageError e) {
                    return false;
                }
            }

            @Override
            public boolean nvidiaDriverPresent() {
                return Files.exists(Path.of("/proc/driver/nvidia/version"));
            }

            @Override
            public String driverCudaVersion() {
                return null;
            }
        };
    }
}
