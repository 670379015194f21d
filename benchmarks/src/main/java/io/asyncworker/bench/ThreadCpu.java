package io.asyncworker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads, from {@code /proc/self/task}, grouped by thread name with
 * digits folded (so {@code C2 CompilerThread0} and {@code C2 CompilerThread1} are one group). It sees
 * the JVM's own threads (JIT compilers, GC) that {@code ThreadMXBean} does not. Empty where
 * {@code /proc} is unavailable. A diagnostic for the child logs; decides no claim.
 */
public final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {
    }

    /** CPU seconds per thread group, now. */
    public static Map<String, Double> snapshot() {
        Map<String, Double> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> add(groups, task));
        } catch (IOException | RuntimeException e) {
            groups.clear();
        }
        return groups;
    }

    /** The groups' CPU seconds between two snapshots, largest first, as one log line. */
    public static String delta(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(java.util.Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * The CPU seconds (user + system) in a process's or thread's {@code /proc/.../stat} line.
     *
     * @throws RuntimeException when the line is not one
     */
    public static double cpuSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    private static void add(Map<String, Double> groups, Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
            groups.merge(name, cpuSeconds(stat), Double::sum);
        } catch (IOException | RuntimeException e) {
            // the thread ended while being read
        }
    }
}
