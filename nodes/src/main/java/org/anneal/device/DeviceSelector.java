package org.anneal.device;

import java.util.Objects;

/**
 * Chooses CPU or GPU for a workflow's {@code device: auto|cpu|gpu} without loading any native code, so
 * start-up stays fast and the choice is known before the first node runs.
 *
 * <p>ND4J loads exactly one backend per process (the highest priority among those on the class path,
 * fixed by the {@code BACKEND_PRIORITY_CPU/GPU} environment variables at start). The selector therefore
 * also tells the launcher which priorities to set; see {@link #environmentFor}.
 */
public final class DeviceSelector {
    public static final String CPU_BACKEND = "nd4j-native, OpenBLAS";
    public static final String GPU_BACKEND = "nd4j-cuda-11.6";
    /** The newest compute capability major the CUDA 11.6 backend of DL4J 1.0.0-M2.1 carries code for (Ampere). */
    static final int NEWEST_COMPUTE_CAPABILITY = 8;

    private final DeviceProbe probe;

    public DeviceSelector(DeviceProbe probe) {
        this.probe = Objects.requireNonNull(probe);
    }

    public static DeviceSelector system() {
        return new DeviceSelector(DeviceProbe.system());
    }

    public Device select(String requested) {
        String req = requested == null ? "auto" : requested;
        switch (req) {
            case "cpu":
                return new Device("cpu", req, CPU_BACKEND, "");
            case "auto":
            case "gpu": {
                String whyNot = gpuUnavailableReason();
                if (whyNot == null) {
                    return new Device("gpu", req, GPU_BACKEND, "");
                }
                String lead = req.equals("gpu") ? "GPU requested but unavailable: " : "no GPU: ";
                return new Device("cpu", req, CPU_BACKEND, lead + whyNot + "; running on the CPU.");
            }
            default:
                throw new IllegalArgumentException("device must be auto, cpu or gpu: " + req);
        }
    }

    /** Null when a GPU can be used; otherwise the reason, in words a user can act on. */
    public String gpuUnavailableReason() {
        if (!probe.cudaBackendInBuild()) {
            return "this build of Anneal has no CUDA backend (build it with `mvn -Pgpu`)";
        }
        if (!probe.nvidiaDriverPresent()) {
            return "no NVIDIA driver is loaded on this machine";
        }
        String v = probe.driverCudaVersion();
        if (v != null && compare(v, "11.6") < 0) {
            return "the NVIDIA driver supports CUDA " + v + " but ND4J 1.0.0-M2.1 needs CUDA 11.6";
        }
        String cc = probe.computeCapability();
        if (cc != null && compare(cc.replaceAll("[^0-9.]", ""), NEWEST_COMPUTE_CAPABILITY + ".99") > 0) {
            return "the GPU has compute capability " + cc + " (Hopper or newer), but ND4J 1.0.0-M2.1's CUDA 11.6 backend has code for "
                    + "compute capability up to " + NEWEST_COMPUTE_CAPABILITY + ".x only and would fail mid-run";
        }
        return null;
    }

    /**
     * Environment for a process that must use {@code device}: ND4J reads backend priorities only from
     * the environment, so a CPU run in a GPU build demotes the CUDA backend below the CPU one.
     */
    public static java.util.Map<String, String> environmentFor(Device device) {
        return device.name().equals("gpu")
                ? java.util.Map.of("BACKEND_PRIORITY_GPU", "100", "BACKEND_PRIORITY_CPU", "0")
                : java.util.Map.of("BACKEND_PRIORITY_GPU", "-1", "BACKEND_PRIORITY_CPU", "100");
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }
}
