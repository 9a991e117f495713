package org.anneal.device;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The one door to ND4J's native runtime. Touches ND4J only when asked: loading its natives costs about half a second,
 * so the command line and the editor start without it and nodes that need arrays call {@link #backend()} first. The
 * first call loads the backend this process was started with, fixes the native thread count, installs
 * {@link CachedShapeInfo}, and records what actually runs ({@link #loadedRuntime()}) for the status bar and provenance.
 */
public final class Nd4jRuntime {
    /**
     * JavaCPP's check of the process's resident memory on every native allocation: it reads {@code /proc/self/statm} each
     * time, a fifth of an MLP's minibatch in a JFR profile. Turned off before ND4J loads (unless a user set it); the
     * cheap check of JavaCPP's own byte count against {@code maxBytes} (the Java heap size) stays.
     */
    static final String PHYSICAL_BYTES_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    static {
        if (System.getProperty(PHYSICAL_BYTES_PROPERTY) == null && System.getProperty(PHYSICAL_BYTES_PROPERTY.toLowerCase(Locale.ROOT)) == null) {
            System.setProperty(PHYSICAL_BYTES_PROPERTY, "0");
        }
    }

    private static NativeRuntime loaded;

    private Nd4jRuntime() {
    }

    /**
     * Loads ND4J (once), fixes its native thread count to {@link NativeThreads#count()} (OpenMP and BLAS), and names the
     * backend it actually chose, e.g. {@code CpuBackend}.
     */
    public static synchronized String backend() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded.backendClass();
    }

    /** What this process runs networks on, or null while ND4J is not loaded (asking never loads it). */
    public static synchronized NativeRuntime loadedRuntime() {
        return loaded;
    }

    /** Whether the loaded backend serves {@code device}; a mismatch is reported, never hidden. */
    public static boolean serves(Device device) {
        return device.name().equals("gpu") == isCuda(backend());
    }

    static boolean isCuda(String backendClass) {
        return backendClass.toLowerCase(Locale.ROOT).contains("cublas") || backendClass.toLowerCase(Locale.ROOT).contains("cuda");
    }

    private static NativeRuntime load() {
        var nd4j = org.nd4j.linalg.factory.Nd4j.getBackend(); // loads the natives
        int threads = NativeThreads.count();
        var env = org.nd4j.linalg.factory.Nd4j.getEnvironment();
        var ops = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps();
        // libnd4j sizes its thread pool from OMP_NUM_THREADS when it loads and ignores setMaxThreads afterwards: the
        // launcher exports it (see ./anneal); these calls narrow what can still be narrowed, and the pool size actually
        // in use is what gets recorded
        env.setMaxThreads(threads);
        env.setMaxMasterThreads(threads);
        ops.setOmpNumThreads(threads);
        org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(threads);
        boolean cached = installShapeCache();
        int actual = Math.max(env.maxThreads(), org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads());
        String backendClass = nd4j.getClass().getSimpleName();
        return new NativeRuntime(backendClass, isCuda(backendClass) ? "gpu" : "cpu", nd4jVersion(), binaryLevel(ops.binaryLevel()),
                binaryLevel(ops.optimalLevel()), String.valueOf(org.nd4j.linalg.factory.Nd4j.factory().blas().getBlasVendor()), actual,
                threads, "float32", cached);
    }

    /** Swaps ND4J's CPU shape-descriptor provider for the caching one; other backends keep theirs. */
    private static boolean installShapeCache() {
        try {
            var field = org.nd4j.linalg.factory.Nd4j.class.getDeclaredField("shapeInfoProvider");
            field.setAccessible(true);
            Object current = field.get(null);
            if (current == null || !current.getClass().getName().equals("org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider")) {
                return current instanceof CachedShapeInfo;
            }
            field.set(null, new CachedShapeInfo());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // slower, never wrong: the provider ND4J chose stays
        }
    }

    /** libnd4j's binary level: which instruction set the loaded native library was compiled for. */
    static String binaryLevel(int level) {
        return switch (level) {
            case 0 -> "generic";
            case 1 -> "x86-64";
            case 2 -> "avx2";
            case 3 -> "avx512";
            default -> "level " + level;
        };
    }

    private static String nd4jVersion() {
        try (InputStream in = org.nd4j.linalg.factory.Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "?");
            }
        } catch (IOException e) {
            // fall through: an unknown version is reported as such
        }
        return "?";
    }
}
