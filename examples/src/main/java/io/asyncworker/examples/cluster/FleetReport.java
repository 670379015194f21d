package io.asyncworker.examples.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the fleet replicas' logs: no due time ran twice; after the active replica was killed, the
 * next due time ran on another within one period; a due time that ran nowhere is reported, and
 * fails the check unless it fell within 15 s after a fault (a claim cut off by a dying node).
 */
final class FleetReport {
    private static final long FAULT_SHADOW_MS = 15_000;

    private FleetReport() {
    }

    static int run(Duration period, Path events, long killedAt, List<Path> logs) throws IOException {
        Map<Long, List<String>> ran = new TreeMap<>();
        for (Path log : logs) {
            for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
                String[] parts = line.trim().split(" ");
                ran.computeIfAbsent(Long.parseLong(parts[0]), t -> new ArrayList<>()).add(parts[1]);
            }
        }
        List<Long> faults = Files.readAllLines(events).stream().filter(l -> !l.isBlank())
                .map(l -> Long.parseLong(l.trim().split(" ")[0])).toList();
        List<String> problems = check(ran, period.toMillis(), faults, killedAt);
        problems.forEach(p -> System.out.println("FAILED: " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    /** The problems found; prints the figures. */
    static List<String> check(Map<Long, List<String>> ran, long period, List<Long> faults, long killedAt) {
        List<String> problems = new ArrayList<>();
        ran.forEach((due, who) -> {
            if (who.size() > 1) {
                problems.add("due time " + due + " ran " + who.size() + " times, by " + who);
            }
        });
        long first = ran.keySet().stream().findFirst().orElse(0L);
        long last = ran.keySet().stream().reduce((a, b) -> b).orElse(0L);
        List<Long> missed = new ArrayList<>();
        for (long due = first; due <= last; due += period) {
            if (!ran.containsKey(due)) {
                missed.add(due);
            }
        }
        for (long due : missed) {
            if (faults.stream().noneMatch(f -> due >= f && due <= f + FAULT_SHADOW_MS)) {
                problems.add("due time " + due + " ran nowhere, and no fault was injected in the 15 s before");
            }
        }
        problems.addAll(handover(ran, period, killedAt));
        System.out.printf("fleet: %d due times from %d to %d, %d ran once, %d twice or more, %d ran nowhere %s%n",
                (last - first) / period + 1, first, last, ran.values().stream().filter(w -> w.size() == 1).count(),
                ran.values().stream().filter(w -> w.size() > 1).count(), missed.size(), missed);
        return problems;
    }

    private static List<String> handover(Map<Long, List<String>> ran, long period, long killedAt) {
        String killed = ran.entrySet().stream().filter(e -> e.getKey() <= killedAt).reduce((a, b) -> b)
                .map(e -> e.getValue().getFirst()).orElse("?");
        var next = ran.entrySet().stream().filter(e -> e.getKey() > killedAt).findFirst();
        if (next.isEmpty() || next.get().getKey() > killedAt + period || next.get().getValue().contains(killed)) {
            return List.of("after replica " + killed + " was killed at " + killedAt + ", no other replica ran the next "
                    + "due time within one period (next: " + next.map(Map.Entry::getKey).orElse(null) + ")");
        }
        System.out.printf("fleet: replica %s killed at %d; the next due time %d ran on %s, %d ms after the kill%n",
                killed, killedAt, next.get().getKey(), next.get().getValue(), next.get().getKey() - killedAt);
        return List.of();
    }
}
