package io.asyncworker.bench.rabbit;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Ratios;
import io.asyncworker.bench.Results;
import io.asyncworker.bench.Rounds;
import io.asyncworker.bench.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What tracing costs the RabbitMQ bulk-1000 consumer (SPEC §16), as medians of same-round ratios
 * over interleaved rounds: asyncworker with tracing off against the base commit's build
 * ({@code -Dbench.baseClasspath}, run.sh: {@code BENCH_BASE_CP}), and with tracing on (OpenTelemetry,
 * spans dropped) against off. Every contender drains the same fill: 200,000 persistent 200-byte JSON
 * messages, each with a {@code traceparent} of its own producer. The order of the contenders turns
 * by one each round, so no one always runs first.
 */
public final class TracingBench {
    private static final String BENCH = "tracing";
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);
    private static final String BASE = "base build";
    private static final String OFF = "tracing off";
    private static final String ON = "tracing on";

    private final Results results;
    private final int count;
    private final int rounds;
    private final String baseClasspath = System.getProperty("bench.baseClasspath", "");
    /** Bulk size: 1000 (prefetch 1000), or 1 (prefetch 128) with {@code -Dbench.tracingBulk=1}. */
    private final int bulk = Integer.getInteger("bench.tracingBulk", 1000);

    public TracingBench(Results results, boolean quick) {
        this.results = results;
        this.count = quick ? 20_000 : 200_000;
        this.rounds = quick ? 2 : Integer.getInteger("bench.tracingRounds", 5);
    }

    private record Contender(String label, String classpath, String... args) {
    }

    public void run() throws Exception {
        List<Contender> contenders = new ArrayList<>();
        if (!baseClasspath.isBlank()) {
            contenders.add(new Contender(BASE, baseClasspath));
        }
        String own = System.getProperty("java.class.path");
        contenders.add(new Contender(OFF, own));
        contenders.add(new Contender(ON, own, "tracing=on"));
        System.out.printf("== tracing cost: bulk %d, %d traced messages of 200 B per contender, %d rounds, load %s%n", bulk,
                count, rounds,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        List<Map<String, Map<String, String>>> all = new ArrayList<>();
        try (Broker broker = new Broker()) {
            for (int round = 1; round <= rounds; round++) {
                all.add(round(broker, round, Rounds.rotated(contenders, round)));
            }
        }
        report(all);
    }

    private Map<String, Map<String, String>> round(Broker broker, int round, List<Contender> order) throws Exception {
        Map<String, Map<String, String>> byLabel = new LinkedHashMap<>();
        for (Contender c : order) {
            Map<String, String> r = drain(broker, c);
            byLabel.put(c.label(), r);
            System.out.printf("  round %d %-38s %8.0f msg/s  cpu %6.2f s, steady %s s  load %s%n", round, c.label(),
                    rate(r), cpu(r), r.getOrDefault("steadyCpu", "-"), java.nio.file.Files.readString(
                            java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        }
        return byLabel;
    }

    private Map<String, String> drain(Broker broker, Contender c) throws Exception {
        String queue = broker.newQueue("tracing");
        try {
            broker.fill(queue, count, 200, true);
            List<String> args = new ArrayList<>(List.of("queue=" + queue, "count=" + count, "bulk=" + bulk,
                    "prefetch=" + (bulk == 1 ? 128 : 1000)));
            args.addAll(List.of(c.args()));
            Map<String, String> r = Child.runOn(c.classpath(), CHILD_TIMEOUT, "rabbit-asyncworker", args.toArray(String[]::new));
            if (broker.messageCount(queue) != 0) {
                throw new IllegalStateException("messages left in the queue after " + c.label());
            }
            return r;
        } finally {
            broker.delete(queue);
        }
    }

    private void report(List<Map<String, Map<String, String>>> rounds) {
        double[] offVsBase = perRound(rounds, r -> rate(r.get(OFF)) / rate(r.get(BASE)), BASE);
        double[] onVsOff = perRound(rounds, r -> rate(r.get(ON)) / rate(r.get(OFF)), OFF);
        double[] cpuOffVsBase = perRound(rounds, r -> cpu(r.get(OFF)) / cpu(r.get(BASE)), BASE);
        double[] cpuCost = perRound(rounds, r -> (steadyCpu(r.get(ON)) - steadyCpu(r.get(OFF))) / count * 1e6, OFF);
        double[] timeCost = perRound(rounds, r -> (1 / rate(r.get(ON)) - 1 / rate(r.get(OFF))) * 1e6, OFF);
        System.out.println("  per-round off/base: " + Arrays.toString(offVsBase));
        System.out.println("  per-round on/off:   " + Arrays.toString(onVsOff));
        System.out.println("  per-round consumer CPU off/base: " + Arrays.toString(cpuOffVsBase));
        System.out.println("  per-round steady CPU us/msg on-off:  " + Arrays.toString(cpuCost));
        System.out.println("  per-round time us/msg on-off: " + Arrays.toString(timeCost));
        results.figure(BENCH, "tracing on - off", "steady CPU us per message (median)", Ratios.median(cpuCost));
        results.figure(BENCH, "tracing on - off", "wall us per message (median)", Ratios.median(timeCost));
        results.claim(BENCH, "tracing off / base commit, msg/s", Ratios.of(offVsBase), Ratios.of(cpuOffVsBase),
                Target.atLeast(0.95));
        results.claim(BENCH, "tracing on / off, msg/s", Ratios.of(onVsOff),
                Ratios.of(perRound(rounds, r -> cpu(r.get(ON)) / cpu(r.get(OFF)), OFF)), Target.atLeast(0.8));
    }

    private static double[] perRound(List<Map<String, Map<String, String>>> rounds,
                                     java.util.function.ToDoubleFunction<Map<String, Map<String, String>>> f, String needs) {
        return rounds.stream().filter(r -> r.containsKey(needs) && r.containsKey(ON) && r.containsKey(OFF)).mapToDouble(f).toArray();
    }

    private static double rate(Map<String, String> r) {
        return Double.parseDouble(r.get("rate"));
    }

    private static double cpu(Map<String, String> r) {
        return Double.parseDouble(r.get("cpu"));
    }

    /** CPU from the first delivery to the last message (this build's children only). */
    private static double steadyCpu(Map<String, String> r) {
        return Double.parseDouble(r.getOrDefault("steadyCpu", "NaN"));
    }
}
