package io.asyncworker.bench.rabbit;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Claims;
import io.asyncworker.bench.Ratios;
import io.asyncworker.bench.Results;
import io.asyncworker.bench.Rounds;
import io.asyncworker.bench.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RabbitMQ consume benchmark. For every contender and round: a fresh UUID queue, the same fill
 * routine (persistent 200-byte JSON, confirmed), the contender drains it in its own JVM, the driver
 * checks the queue is empty (everything acked) and deletes it. Within a round every contender runs
 * once, in an order turned by one each round; every claim is the median over the rounds of
 * same-round ratios (asyncworker / reference), see {@link Claims}.
 */
public final class RabbitBench {
    private static final String BENCH = "rabbitmq";
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);
    private static final int HEAP_COUNT = 10_000;

    static final Contender AW_1000 = new Contender("asyncworker bulk1000 prefetch1000", "rabbit-asyncworker", "bulk=1000", "prefetch=1000");
    static final Contender SPRING_1000 = new Contender("spring-amqp batch1000 prefetch1000", "rabbit-spring", "batch=1000", "prefetch=1000");
    static final Contender AMQP_1000 = new Contender("amqp-client qos1000 ack1000 +decode", "rabbit-amqpclient", "qos=1000", "ackEvery=1000");
    static final Contender PERFTEST_1000 = new Contender("perftest qos1000 multi-ack1000", "rabbit-perftest", "qos=1000", "ackEvery=1000");
    static final Contender AW_2000 = new Contender("asyncworker bulk1000 prefetch2000", "rabbit-asyncworker", "bulk=1000", "prefetch=2000");
    static final Contender AW_1 = new Contender("asyncworker bulk1 prefetch128", "rabbit-asyncworker", "bulk=1", "prefetch=128");
    static final Contender AMQP_1 = new Contender("amqp-client qos128 single-ack +decode", "rabbit-amqpclient", "qos=128", "ackEvery=1");
    static final Contender PERFTEST_1 = new Contender("perftest qos128 single-ack", "rabbit-perftest", "qos=128", "ackEvery=1");
    static final String HOLD_AMQP = "rabbit-hold-amqpclient";
    static final String HOLD_AW = "rabbit-hold-asyncworker";

    private final Results results;
    private final int count;
    private final int rounds;

    public RabbitBench(Results results, boolean quick) {
        this.results = results;
        this.count = quick ? 20_000 : 200_000;
        this.rounds = Math.max(1, Integer.getInteger("bench.rounds", quick ? 2 : 3));
    }

    record Contender(String label, String child, String... args) {
    }

    public void run() throws Exception {
        System.out.printf("== RabbitMQ consume: %d messages of 200 B per contender, %d interleaved round(s)%n", count, rounds);
        try (Broker broker = new Broker()) {
            Claims bulk = claims(drainRounds(broker, List.of(AW_1000, SPRING_1000, AMQP_1000, PERFTEST_1000, AW_2000)));
            Claims single = claims(drainRounds(broker, List.of(AW_1, AMQP_1, PERFTEST_1)));
            Rounds heap = heapRounds(broker);
            bulkClaims(bulk);
            singleClaims(single);
            heapClaims(heap);
        }
    }

    private Claims claims(Rounds measured) {
        return new Claims(results, BENCH, measured, "msg/s", "steadyCpu", "consumer CPU s over the rate's span");
    }

    private void bulkClaims(Claims c) {
        c.figures(List.of(AW_1000.label(), SPRING_1000.label(), AMQP_1000.label(), PERFTEST_1000.label(), AW_2000.label()),
                "incl. start-up");
        c.rate("(a) bulk1000/prefetch1000 msg/s / Spring AMQP batch listener", AW_1000.label(), SPRING_1000.label(),
                Target.atLeast(1.0));
        c.cpu("(a) bulk1000/prefetch1000 consumer CPU / amqp-client + Jackson, acks per 1000", AW_1000.label(),
                AMQP_1000.label(), Target.atMost(1.1));
        c.warm("(a) bulk1000/prefetch1000 second half msg/s (and CPU) / amqp-client + Jackson", AW_1000.label(),
                AMQP_1000.label());
        c.wholeCpu("(a) bulk1000/prefetch1000 whole-process CPU, start-up included / amqp-client + Jackson",
                AW_1000.label(), AMQP_1000.label());
        c.rate("(a) bulk1000/prefetch1000 msg/s / PerfTest --qos 1000 --multi-ack-every 1000", AW_1000.label(),
                PERFTEST_1000.label(), Target.atLeast(0.9));
        c.extra("(a) bulk1000/prefetch1000 msg/s / amqp-client + Jackson, acks per 1000", AW_1000.label(), AMQP_1000.label());
        c.extra("bulk1000/prefetch2000 msg/s / Spring AMQP batch listener", AW_2000.label(), SPRING_1000.label());
    }

    private void singleClaims(Claims c) {
        c.figures(List.of(AW_1.label(), AMQP_1.label(), PERFTEST_1.label()), "incl. start-up");
        c.rate("(b) bulk1/prefetch128 msg/s / amqp-client + Jackson, single acks", AW_1.label(), AMQP_1.label(),
                Target.atLeast(0.95));
        c.cpu("(b) bulk1/prefetch128 consumer CPU / amqp-client + Jackson, single acks", AW_1.label(), AMQP_1.label(),
                Target.atMost(1.4));
        c.warm("(b) bulk1/prefetch128 second half msg/s (and CPU) / amqp-client + Jackson", AW_1.label(),
                AMQP_1.label());
        c.wholeCpu("(b) bulk1/prefetch128 whole-process CPU, start-up included / amqp-client + Jackson",
                AW_1.label(), AMQP_1.label());
        c.rate("(b) bulk1/prefetch128 msg/s / PerfTest --qos 128 single acks", AW_1.label(), PERFTEST_1.label(),
                Target.atLeast(0.8));
    }

    /** Every round runs every selected contender once, the order turned by one per round. */
    private Rounds drainRounds(Broker broker, List<Contender> contenders) {
        Rounds measured = new Rounds();
        List<Contender> selected = contenders.stream().filter(c -> Child.selected(c.child())).toList();
        for (int round = 1; round <= rounds; round++) {
            for (Contender contender : Rounds.rotated(selected, round)) {
                drainAndRecord(broker, round, contender, measured);
            }
        }
        return measured;
    }

    private void drainAndRecord(Broker broker, int round, Contender contender, Rounds measured) {
        try {
            Map<String, String> r = drainOnce(broker, contender);
            System.out.printf("  round %d %-38s %8.0f msg/s (%8.0f incl. start-up)  cpu %6.2f s (steady span %5.2f s)%n",
                    round, contender.label(), number(r, "rate"), number(r, "e2eRate"), number(r, "cpu"),
                    number(r, "steadyCpu"));
            measured.record(round, contender.label(), r);
        } catch (Exception e) {
            System.out.println("  round " + round + " " + contender.label() + " FAILED: " + e.getMessage());
        }
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

    /** Live heap with 10,000 x 1 KiB in flight, the two holders interleaved like the drains. */
    private Rounds heapRounds(Broker broker) {
        System.out.printf("== RabbitMQ heap: %d in-flight messages of 1 KiB, %d round(s)%n", HEAP_COUNT, rounds);
        Rounds measured = new Rounds();
        List<String> selected = List.of(HOLD_AMQP, HOLD_AW).stream().filter(Child::selected).toList();
        for (int round = 1; round <= rounds; round++) {
            for (String child : Rounds.rotated(selected, round)) {
                holdAndRecord(broker, round, child, measured);
            }
        }
        return measured;
    }

    private void holdAndRecord(Broker broker, int round, String child, Rounds measured) {
        try {
            String queue = broker.newQueue(child);
            try {
                broker.fill(queue, HEAP_COUNT, 1024);
                Map<String, String> r = Child.run(CHILD_TIMEOUT, child, "queue=" + queue, "count=" + HEAP_COUNT);
                System.out.printf("  round %d %-38s live heap %6.2f MiB (idle before consuming %5.2f MiB)%n", round,
                        child, number(r, "heapMiB"), number(r, "heapBeforeMiB"));
                measured.record(round, child, r);
            } finally {
                broker.delete(queue);
            }
        } catch (Exception e) {
            System.out.println("  round " + round + " " + child + " FAILED: " + e.getMessage());
        }
    }

    private void heapClaims(Rounds heap) {
        for (String child : List.of(HOLD_AMQP, HOLD_AW)) {
            String who = child.substring("rabbit-hold-".length());
            double[] held = heap.values(child, "heapMiB");
            if (held.length == 0) {
                results.missing(BENCH, child, "no round measured (failed, see log, or left out by BENCH_ONLY)");
                continue;
            }
            results.figure(BENCH, who + " holding 10k x 1KiB", "live heap MiB (median)", Ratios.median(held));
            results.figure(BENCH, who + " idle before consuming", "live heap MiB (median)",
                    Ratios.median(heap.values(child, "heapBeforeMiB")));
        }
        System.out.print(heap.table(HOLD_AW, HOLD_AMQP, "heapMiB", null, "MiB"));
        results.claim(BENCH, "(c) live heap with 10,000 x 1 KiB in flight / amqp-client holding the same",
                heap.ratios(HOLD_AW, HOLD_AMQP, "heapMiB"), Ratios.of(), Target.atMost(1.3));
        results.claim(BENCH, "(c) asyncworker live heap (MiB, median) with 10,000 x 1 KiB in flight",
                Ratios.median(heap.values(HOLD_AW, "heapMiB")), 64, true);
    }

    private static double number(Map<String, String> r, String key) {
        return Double.parseDouble(r.getOrDefault(key, "NaN"));
    }
}
