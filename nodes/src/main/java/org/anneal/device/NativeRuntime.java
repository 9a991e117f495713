package org.anneal.device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the networks of this process actually ran on, read from ND4J after it loaded (not the label the workflow asked
 * for): shown in the status bar and written into results provenance.
 *
 * @param backendClass ND4J's backend class, {@code CpuBackend} or {@code JCublasBackend}
 * @param device       {@code cpu} or {@code gpu}, from the backend class
 * @param nd4jVersion  the ND4J release on the class path
 * @param binaryLevel  the instruction set libnd4j was compiled for ({@code x86-64}, {@code avx2}, {@code avx512})
 * @param optimalLevel the best level this CPU could use
 * @param blas         the BLAS library ND4J calls
 * @param threads      native threads libnd4j's pool and BLAS actually use (fixed when the natives load)
 * @param requested    the count {@link NativeThreads} asked for; differs from {@code threads} only when the process was
 *                     not started by the launcher, which exports {@code OMP_NUM_THREADS}
 * @param dataType     the floating-point type networks train in
 * @param shapeCache   whether {@link CachedShapeInfo} serves shape descriptors (CPU backend)
 */
public record NativeRuntime(String backendClass, String device, String nd4jVersion, String binaryLevel, String optimalLevel, String blas,
                            int threads, int requested, String dataType, boolean shapeCache) {
    /** One line for the status bar: {@code CPU · ND4J 1.0.0-M2.1 CpuBackend · x86-64 · OPENBLAS · 1 thread · float32}. */
    public String describe() {
        return device.toUpperCase(java.util.Locale.ROOT) + " · ND4J " + nd4jVersion + " " + backendClass + " · " + binaryLevel + " · " + blas
                + " · " + threads + " native thread" + (threads == 1 ? "" : "s")
                + (threads == requested ? "" : " (" + requested + " asked: start through ./anneal or set OMP_NUM_THREADS)") + " · " + dataType;
    }

    /** The provenance fields, in a stable order. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", device);
        m.put("backend", backendClass);
        m.put("nd4j", nd4jVersion);
        m.put("binaryLevel", binaryLevel);
        m.put("cpuBestLevel", optimalLevel);
        m.put("blas", blas);
        m.put("nativeThreads", threads);
        if (threads != requested) {
            m.put("nativeThreadsAsked", requested);
        }
        m.put("dataType", dataType);
        return m;
    }
}
