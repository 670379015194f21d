package io.asyncworker.bench.rabbit;

import io.asyncworker.bench.Probe;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times a drain. {@code rate} runs from the first delivery seen (or, for PerfTest, the moment it
 * starts its consumer) to the last message handled; {@code e2eRate} and {@code cpu} run from just
 * before the client is created (connection set-up, class loading and JIT included); {@code steadyCpu}
 * runs over the same span as {@code rate}.
 */
public final class Drain {
    private final long startNanos = System.nanoTime();
    private final long startCpu = Probe.processCpuNanos();
    private volatile long firstNanos;
    private volatile long firstCpu;

    /** Marks the start of steady consumption; later calls do nothing. Any thread. */
    public void started() {
        if (firstNanos == 0) {
            firstCpu = Probe.processCpuNanos();
            firstNanos = System.nanoTime();
        }
    }

    public Map<String, Object> done(long messages) {
        long end = System.nanoTime();
        double seconds = (end - startNanos) / 1e9;
        double steady = (end - (firstNanos == 0 ? startNanos : firstNanos)) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messages", messages);
        result.put("rate", messages / steady);
        result.put("e2eRate", messages / seconds);
        long cpu = Probe.processCpuNanos();
        result.put("cpu", (cpu - startCpu) / 1e9);
        result.put("steadyCpu", (cpu - (firstNanos == 0 ? startCpu : firstCpu)) / 1e9);
        return result;
    }
}
