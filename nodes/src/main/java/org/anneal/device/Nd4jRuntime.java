package org.anneal.device;

/**
 * Touches ND4J only when asked: loading its natives costs about half a second, so the command line and
 * the editor start without it and nodes that need arrays call {@link #backend()} first.
 */
public final class Nd4jRuntime {
    private Nd4jRuntime() {
    }

    private static boolean threadsSet;

    /**
     * Loads ND4J (once), fixes its native thread count to {@link NativeThreads#count()}, and names the backend it
     * actually chose, e.g. {@code CpuBackend}.
     */
    public static synchronized String backend() {
        String name = org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName();
        if (!threadsSet) {
            var env = org.nd4j.linalg.factory.Nd4j.getEnvironment();
            env.setMaxThreads(NativeThreads.count());
            env.setMaxMasterThreads(NativeThreads.count());
            threadsSet = true;
        }
        return name;
    }

    /** Whether the loaded backend serves {@code device}; a mismatch is reported, never hidden. */
    public static boolean serves(Device device) {
        boolean cuda = backend().toLowerCase(java.util.Locale.ROOT).contains("cublas");
        return device.name().equals("gpu") == cuda;
    }
}
