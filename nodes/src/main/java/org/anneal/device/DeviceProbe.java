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

    /** The first GPU's compute capability as major.minor (8.6 is Ampere, 9.0 Hopper), or null when unknown. */
    default String computeCapability() {
        return null;
    }

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
                String header = nvidiaSmi();
                var m = header == null ? null : java.util.regex.Pattern.compile("CUDA Version: *([0-9]+\\.[0-9]+)").matcher(header);
                return m != null && m.find() ? m.group(1) : null;
            }

            @Override
            public String computeCapability() {
                String cc = nvidiaSmi("--query-gpu=compute_cap", "--format=csv,noheader");
                return cc == null || !cc.trim().matches("[0-9]+\\.[0-9]+.*") ? null : cc.trim().split("\\s+")[0];
            }

            private String nvidiaSmi(String... args) {
                if (!nvidiaDriverPresent()) {
                    return null; // no driver, no tool worth starting
                }
                try {
                    var cmd = new java.util.ArrayList<String>(java.util.List.of("nvidia-smi"));
                    cmd.addAll(java.util.List.of(args));
                    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                    if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        return null;
                    }
                    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    return p.exitValue() == 0 ? out : null;
                } catch (java.io.IOException e) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        };
    }
}
