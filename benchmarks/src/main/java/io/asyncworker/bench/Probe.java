package io.asyncworker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Process CPU time and live heap of the current JVM. */
public final class Probe {
    private Probe() {
    }

    /** CPU time of the whole process (all threads, JIT and GC included), in nanoseconds. */
    public static long processCpuNanos() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime();
    }

    /** Heap in use after two full collections, in bytes. */
    public static long liveHeapBytes() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
