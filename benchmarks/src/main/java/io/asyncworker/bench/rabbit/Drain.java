package io.asyncworker.bench.rabbit;

import io.asyncworker.bench.Probe;
import io.asyncworker.bench.ThreadCpu;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times a drain. {@code rate} runs from the first delivery seen (or, for PerfTest, the moment it
 * starts its consumer) to the last message handled; {@code e2eRate} and {@code cpu} run from just
 * before the client is created (connection set-up, class loading and JIT included); {@code steadyCpu}
 * runs over the same span as {@code rate}. Where the contender reports its {@link #progress},
 * {@code warmRate} and {@code warmCpu} cover the second half of the messages only, when most of the
 * JIT compilation is done. Per-thread CPU of each span goes to the child's log.
 */
public final class Drain {
    // each mark reads the per-thread CPU first, so that reading /proc falls outside the measured spans
    private final Map<String, Double> startThreads = ThreadCpu.snapshot();
    private final long startCpu = Probe.processCpuNanos();
    private final long startNanos = System.nanoTime();
    private volatile Map<String, Double> firstThreads = Map.of();
    private volatile long firstNanos;
    private volatile long firstCpu;
    private volatile long halfNanos;
    private long halfCpu;
    private long halfSeen;
    private Map<String, Double> halfThreads = Map.of();

    /** Marks the start of steady consumption; later calls do nothing. Any thread. */
    public void started() {
        if (firstNanos == 0) {
            firstThreads = ThreadCpu.snapshot();
            firstCpu = Probe.processCpuNanos();
            firstNanos = System.nanoTime();
        }
    }

    /**
     * Reports how many of {@code total} messages were handled so far; the first report at or past
     * half marks the start of the warm span. Any thread, one at a time.
     */
    public void progress(long seen, long total) {
        if (halfNanos == 0 && seen * 2 >= total) {
            halfThreads = ThreadCpu.snapshot();
            halfSeen = seen;
            halfCpu = Probe.processCpuNanos();
            halfNanos = System.nanoTime();
        }
    }

    public Map<String, Object> done(long messages) {
        long end = System.nanoTime();
        long cpu = Probe.processCpuNanos();
        logThreads();
        double seconds = (end - startNanos) / 1e9;
        double steady = (end - (firstNanos == 0 ? startNanos : firstNanos)) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messages", messages);
        result.put("rate", messages / steady);
        result.put("e2eRate", messages / seconds);
        result.put("cpu", (cpu - startCpu) / 1e9);
        result.put("steadyCpu", (cpu - (firstNanos == 0 ? startCpu : firstCpu)) / 1e9);
        if (halfNanos != 0 && end > halfNanos) {
            result.put("warmRate", (messages - halfSeen) / ((end - halfNanos) / 1e9));
            result.put("warmCpu", (cpu - halfCpu) / 1e9);
        }
        return result;
    }

    /** Per-thread CPU to the child's log: start-up (to the first delivery) and the steady span. */
    private void logThreads() {
        Map<String, Double> now = ThreadCpu.snapshot();
        System.err.println("thread CPU s, start-up: " + ThreadCpu.delta(startThreads, firstThreads));
        System.err.println("thread CPU s, steady:   " + ThreadCpu.delta(firstThreads, now));
        if (halfNanos != 0) {
            System.err.println("thread CPU s, warm half: " + ThreadCpu.delta(halfThreads, now));
        }
    }
}
