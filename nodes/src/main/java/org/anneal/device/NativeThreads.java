package org.anneal.device;

/**
 * How many threads native code (ND4J's OpenMP and BLAS) may use: fixed once per process, recorded in every results
 * file and in the cache key of the nodes that use the device, because network results are reproducible only for a
 * given seed <em>and</em> thread count. One thread by default: on the course machines two were never faster for the
 * small networks students train, and one gives the same numbers everywhere.
 */
public final class NativeThreads {
    /** System property the launcher (or a user, through {@code ANNEAL_OPTS}) sets; it wins over the environment. */
    public static final String PROPERTY = "anneal.nativeThreads";

    private static final int COUNT = resolve(System.getProperty(PROPERTY), System.getenv("OMP_NUM_THREADS"));

    private NativeThreads() {
    }

    /** The thread count this process uses for native work. */
    public static int count() {
        return COUNT;
    }

    /** The property, else {@code OMP_NUM_THREADS}, else 1; a value that is not a positive whole number is ignored. */
    static int resolve(String property, String environment) {
        for (String s : new String[] {property, environment}) {
            if (s != null) {
                try {
                    int n = Integer.parseInt(s.trim());
                    if (n > 0) {
                        return n;
                    }
                } catch (NumberFormatException ignored) {
                    // fall through to the next source: a typo must not stop a run, and the count used is recorded
                }
            }
        }
        return 1;
    }
}
