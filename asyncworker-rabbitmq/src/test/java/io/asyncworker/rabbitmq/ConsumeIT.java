package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.spi.ManualTimerService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsumeIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private final String other = apps.queue();
    private App app;

    private App app(AmqpRoute route, int prefetch) {
        app = apps.app();
        app.connection(TestBroker.connection().prefetch(prefetch).build());
        app.route(route);
        return app;
    }

    @Test
    void bulkOneHandsEveryMessageAloneAndAcksIt() {
        TestBroker.declareClassic(queue);
        TestBroker.publish(queue, 50);
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        app(AmqpRoute.consume(queue).handler(batch -> sizes.add(batch.size())), 10).start();

        await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() == 50);
        assertThat(sizes).containsOnly(1);
        await().untilAsserted(() -> assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 0, 1));
    }

    @Test
    void bulkNHandsFullBatchesInBrokerOrder() {
        TestBroker.declareClassic(queue);
        TestBroker.publish(queue, 100);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        app(AmqpRoute.consume(queue).bulkSize(10).maxConcurrency(1)
                .handler(batch -> batches.add(batch.stream().map(m -> m.properties().getMessageId()).toList())), 50)
                .start();

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(List::size).sum() == 100);
        assertThat(batches).hasSize(10).allSatisfy(b -> assertThat(b).hasSize(10));
        assertThat(batches.get(0)).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        await().untilAsserted(() -> assertThat(TestBroker.messageCount(queue)).isZero());
        app.stop();
        assertThat(TestBroker.messageCount(queue)).isZero();
    }

    @Test
    void partialBatchIsFlushedWhenTheTimeoutPassesSinceItsFirstMessage() {
        TestBroker.declareClassic(queue);
        ManualTimerService timer = new ManualTimerService();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        app = apps.app(timer);
        app.connection(TestBroker.connection().prefetch(200).build());
        app.route(AmqpRoute.consume(queue).bulkSize(100).flushTimeout(Duration.ofSeconds(5))
                .handler(batch -> sizes.add(batch.size())));
        app.start();
        TestBroker.publish(queue, 7);

        await().untilAsserted(() -> assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 7, 1));
        timer.advance(Duration.ofMillis(4999));
        assertThat(sizes).isEmpty();
        timer.advance(Duration.ofMillis(1));
        await().until(() -> sizes.equals(List.of(7)));
        await().untilAsserted(() -> assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 0, 1));
    }

    @Test
    void partialBatchIsFlushedWithARealShortTimeout() {
        TestBroker.declareClassic(queue);
        TestBroker.publish(queue, 3);
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        app(AmqpRoute.consume(queue).bulkSize(50).flushTimeout(Duration.ofMillis(200))
                .handler(batch -> sizes.add(batch.size())), 100).start();

        await().atMost(Duration.ofSeconds(5)).until(() -> sizes.equals(List.of(3)));
        await().untilAsserted(() -> assertThat(TestBroker.messageCount(queue)).isZero());
    }

    @Test
    void severalQueuesFeedOneHandler() {
        TestBroker.declareClassic(queue);
        TestBroker.declareClassic(other);
        TestBroker.publish(queue, 20);
        TestBroker.publish(other, 30);
        Map<String, Integer> perQueue = new ConcurrentHashMap<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        app(AmqpRoute.consume(queue, other).name("both").bulkSize(5).flushTimeout(Duration.ofMillis(100))
                .handler(batch -> {
                    threads.add(Thread.currentThread());
                    batch.forEach(m -> perQueue.merge(m.queue(), 1, Integer::sum));
                }), 20).start();

        await().atMost(Duration.ofSeconds(10)).until(() -> perQueue.equals(Map.of(queue, 20, other, 30)));
        assertThat(threads).allMatch(Thread::isVirtual);
        assertThat(TestBroker.consumerCount(queue)).isEqualTo(1);
        assertThat(TestBroker.consumerCount(other)).isEqualTo(1);
        await().untilAsserted(() -> assertThat(TestBroker.messageCount(queue) + TestBroker.messageCount(other)).isZero());
        assertThat(app.health().isUp()).isTrue();
        assertThat(app.health().components()).extracting(c -> c.name())
                .containsExactly("both/" + queue, "both/" + other);
    }
}
