package io.asyncworker.bench.rabbit;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Results;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RabbitMQ consume benchmark. For every contender and round: a fresh UUID queue, the same fill
 * routine (persistent 200-byte JSON, confirmed), the contender drains it in its own JVM, the driver
 * checks the queue is empty (everything acked) and deletes it. Rounds interleave the contenders;
 * each contender's best round counts.
 */
public final class RabbitBench {
    private static final String BENCH = "rabbitmq";
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);

    private final Results results;
    private final int count;
    private final int rounds;
    private final int heapCount;

    public RabbitBench(Results results, boolean quick) {
        this.results = results;
        this.count = quick ? 20_000 : 200_000;
        this.rounds = quick ? 1 : 2;
        this.heapCount = 10_000;
    }

    public void run() throws Exception {
        System.out.printf("== RabbitMQ consume: %d messages of 200 B per contender, %d round(s)%n", count, rounds);
        try (Broker broker = new Broker()) {
            Map<String, Map<String, String>> bulk = drainAll(broker, List.of(
                    new Contender("perftest qos1000 multi-ack1000", "rabbit-perftest", "qos=1000", "ackEvery=1000"),
                    new Contender("asyncworker bulk1000 prefetch1000", "rabbit-asyncworker", "bulk=1000", "prefetch=1000"),
                    new Contender("spring-amqp batch1000 prefetch1000", "rabbit-spring", "batch=1000", "prefetch=1000"),
                    new Contender("amqp-client qos1000 ack1000 +decode", "rabbit-amqpclient", "qos=1000", "ackEvery=1000"),
                    new Contender("asyncworker bulk1000 prefetch2000", "rabbit-asyncworker", "bulk=1000", "prefetch=2000")));
            Map<String, Map<String, String>> single = drainAll(broker, List.of(
                    new Contender("perftest qos128 single-ack", "rabbit-perftest", "qos=128", "ackEvery=1"),
                    new Contender("asyncworker bulk1 prefetch128", "rabbit-asyncworker", "bulk=1", "prefetch=128"),
                    new Contender("amqp-client qos128 single-ack +decode", "rabbit-amqpclient", "qos=128", "ackEvery=1")));
            ratio("(a) asyncworker bulk1000/prefetch1000 / PerfTest --qos 1000 --multi-ack-every 1000", bulk,
                    "asyncworker bulk1000 prefetch1000", "perftest qos1000 multi-ack1000", 0.9);
            ratio("(a) asyncworker bulk1000/prefetch1000 / Spring AMQP batch listener", bulk,
                    "asyncworker bulk1000 prefetch1000", "spring-amqp batch1000 prefetch1000", 1.0);
            ratio("(b) asyncworker bulk1/prefetch128 / PerfTest --qos 128 single acks", single,
                    "asyncworker bulk1 prefetch128", "perftest qos128 single-ack", 0.8);
            heap(broker);
        }
    }

    private record Contender(String label, String child, String... args) {
    }

    private Map<String, Map<String, String>> drainAll(Broker broker, List<Contender> contenders) {
        Map<String, Map<String, String>> best = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Contender contender : contenders) {
                if (!Child.selected(contender.child())) {
                    continue;
                }
                try {
                    Map<String, String> r = drainOnce(broker, contender);
                    System.out.printf("  round %d %-38s %8.0f msg/s (%8.0f incl. start-up)  cpu %6.2f s%n", round,
                            contender.label(), rate(r), Double.parseDouble(r.get("e2eRate")),
                            Double.parseDouble(r.get("cpu")));
                    Map<String, String> previous = best.get(contender.label());
                    if (previous == null || rate(r) > rate(previous)) {
                        best.put(contender.label(), r);
                    }
                } catch (Exception e) {
                    System.out.println("  round " + round + " " + contender.label() + " FAILED: " + e.getMessage());
                }
            }
        }
        for (Contender contender : contenders) {
            Map<String, String> r = best.get(contender.label());
            if (r == null) {
                results.missing(BENCH, contender.label(), Child.selected(contender.child())
                        ? "failed in every round (see log)" : "not selected (BENCH_ONLY)");
                continue;
            }
            results.figure(BENCH, contender.label(), "msg/s", rate(r));
            results.figure(BENCH, contender.label(), "msg/s incl. start-up", Double.parseDouble(r.get("e2eRate")));
            results.figure(BENCH, contender.label(), "consumer CPU s", Double.parseDouble(r.get("cpu")));
            if (r.containsKey("appStart")) {
                results.figure(BENCH, contender.label(), "app.start() s", Double.parseDouble(r.get("appStart")));
            }
        }
        return best;
    }

    private Map<String, String> drainOnce(Broker broker, Contender contender) throws Exception {
        String queue = broker.newQueue(contender.child());
        try {
            broker.fill(queue, count, 200);
            List<String> args = new ArrayList<>(List.of("queue=" + queue, "count=" + count));
            args.addAll(List.of(contender.args()));
            Map<String, String> r = Child.run(CHILD_TIMEOUT, contender.child(), args.toArray(String[]::new));
            long left = broker.messageCount(queue);
            if (left != 0) {
                throw new IllegalStateException(left + " messages left in the queue after the consumer stopped");
            }
            return r;
        } finally {
            broker.delete(queue);
        }
    }

    private void ratio(String claim, Map<String, Map<String, String>> best, String subject, String reference,
            double target) {
        Map<String, String> s = best.get(subject);
        Map<String, String> r = best.get(reference);
        double measured = s == null || r == null ? Double.NaN : rate(s) / rate(r);
        results.claim(BENCH, claim, measured, target, false);
    }

    private void heap(Broker broker) {
        System.out.printf("== RabbitMQ heap: %d in-flight messages of 1 KiB%n", heapCount);
        double asyncworker = Double.NaN;
        for (String child : List.of("rabbit-hold-amqpclient", "rabbit-hold-asyncworker")) {
            if (!Child.selected(child)) {
                continue;
            }
            try {
                String queue = broker.newQueue(child);
                try {
                    broker.fill(queue, heapCount, 1024);
                    Map<String, String> r = Child.run(CHILD_TIMEOUT, child, "queue=" + queue, "count=" + heapCount);
                    double mib = Double.parseDouble(r.get("heapMiB"));
                    results.figure(BENCH, child.substring("rabbit-hold-".length()) + " holding 10k x 1KiB",
                            "live heap MiB", mib);
                    results.figure(BENCH, child.substring("rabbit-hold-".length()) + " idle before consuming",
                            "live heap MiB", Double.parseDouble(r.get("heapBeforeMiB")));
                    if (child.endsWith("asyncworker")) {
                        asyncworker = mib;
                    }
                } finally {
                    broker.delete(queue);
                }
            } catch (Exception e) {
                results.missing(BENCH, child, String.valueOf(e.getMessage()));
            }
        }
        results.claim(BENCH, "(c) asyncworker live heap (MiB) with 10,000 x 1 KiB in flight", asyncworker, 64, true);
    }

    private static double rate(Map<String, String> r) {
        return Double.parseDouble(r.get("rate"));
    }
}
