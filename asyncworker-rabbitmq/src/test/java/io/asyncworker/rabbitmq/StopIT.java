package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Graceful stop with batches in flight: afterwards every message is processed-and-acked or ready again. */
class StopIT {
    private static final int TOTAL = 500;
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private App app;

    private void start(String budget, long handlerMillis) {
        TestBroker.declareClassic(queue);
        TestBroker.publish(queue, TOTAL);
        app = apps.app(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), budget));
        app.connection(TestBroker.connection().prefetch(100).build());
        app.route(AmqpRoute.consume(queue).bulkSize(20).maxConcurrency(2).flushTimeout(Duration.ofSeconds(30))
                .handler(batch -> {
                    started.incrementAndGet();
                    Thread.sleep(handlerMillis);
                    batch.forEach(m -> processed.add(m.properties().getMessageId()));
                }));
        app.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() >= 2);
    }

    private double acked() {
        var counter = app.meters().find("asyncworker.messages.settled").tag("action", "ack").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void stopFinishesRunningBatchesAndReturnsTheRestToTheQueue() {
        start("5s", 200);
        app.stop();

        long[] counts = TestBroker.brokerCounts("/", queue);
        assertThat(counts[1]).as("unacked").isZero();
        assertThat(counts[2]).as("consumers").isZero();
        assertThat(processed).isNotEmpty();
        assertThat(acked()).isEqualTo(processed.size());
        assertThat(counts[0] + processed.size()).isEqualTo(TOTAL);
        assertReadyAreExactlyTheUnprocessed();
    }

    @Test
    void batchesOutlivingTheBudgetAreRequeuedNotAcked() {
        start("500ms", 20_000);
        await().untilAsserted(() -> assertThat(app.meters().get("asyncworker.handler.inflight").gauge().value())
                .as("the in-flight gauge is the pipeline's live one").isEqualTo(2));
        long before = System.nanoTime();
        app.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(processed).isEmpty();
        assertThat(acked()).isZero();
        assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(TOTAL, 0, 0);
        assertReadyAreExactlyTheUnprocessed();
    }

    private void assertReadyAreExactlyTheUnprocessed() {
        List<String> ready = TestBroker.drain(queue);
        Set<String> readyIds = ready.stream().map(b -> "m" + b.replaceAll("\\D", "")).collect(Collectors.toSet());
        assertThat(readyIds).hasSize(ready.size()).doesNotContainAnyElementsOf(Set.copyOf(processed).isEmpty()
                ? Set.of("none") : processed);
        Set<String> all = new HashSet<>(readyIds);
        all.addAll(processed);
        assertThat(all).isEqualTo(IntStream.range(0, TOTAL).mapToObj(i -> "m" + i).collect(Collectors.toSet()));
    }
}
