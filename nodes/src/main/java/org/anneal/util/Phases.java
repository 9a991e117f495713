package org.anneal.util;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a whole process spends its time, for bench/leakage-bench.sh: with {@code -Danneal.phases=true} the steps of a
 * command ({@link #mark}) are stamped with the time since the JVM started and printed to the error stream when the
 * command ends, so the run's wall time splits into JVM start, command line, validation, nodes, checks and results.
 * Off by default: then a mark costs one field read.
 */
public final class Phases {
    private static final boolean ON = Boolean.getBoolean("anneal.phases");
    private static final List<String> MARKS = new ArrayList<>();
    private static long lastMillis;
    private static long lastCpu;

    private Phases() {
    }

    /** Records that {@code step} has just ended (and the time it took since the previous mark). */
    public static void mark(String step) {
        if (!ON) {
            return;
        }
        // the management classes load only when asked for: the JVM's start time is the zero of the timeline
        long now = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        // the CPU time of the whole process (all threads: GC and JIT too) says more than the wall time on a loaded machine
        long cpu = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        synchronized (MARKS) {
            MARKS.add(String.format(Locale.ROOT, "phase %7.3f s  %+7.3f s  cpu %7.3f s  %+7.3f s  %s", now / 1e3, (now - lastMillis) / 1e3,
                    cpu / 1e9, (cpu - lastCpu) / 1e9, step));
            lastMillis = now;
            lastCpu = cpu;
        }
    }

    /** Prints the marks so far, one a line ("phase WALL +WALL cpu CPU +CPU STEP", since the start and since the previous mark). */
    public static void print(PrintStream err) {
        if (!ON) {
            return;
        }
        synchronized (MARKS) {
            MARKS.forEach(err::println);
        }
        err.flush();
    }
}
