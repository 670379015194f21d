package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecoveryIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private App app;

    private App newApp() {
        app = apps.app();
        return app;
    }

    @Test
    void recoversFromCloseAllConnectionsDuringAStreamAndProcessesEveryMessage() {
        TestApps.Vhost vhost = apps.vhost();
        vhost.declareClassic(queue);
        int total = 20_000;
        vhost.publish(queue, 0, total);
        Set<String> processed = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        List<Integer> failures = new CopyOnWriteArrayList<>();
        newApp().connection(vhost.connection().prefetch(300)
                .connectionFailCallback((e, attempt) -> failures.add(attempt)).build());
        app.route(AmqpRoute.consume(queue).bulkSize(100).maxConcurrency(2).handler(batch -> {
            Thread.sleep(50);
            batch.forEach(m -> processed.add(m.properties().getMessageId()));
            deliveries.addAndGet(batch.size());
        }));
        app.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() >= 2_000);
        vhost.closeAllConnections("fault injected by RecoveryIT");
        assertThat(processed.size()).as("the fault hit mid-stream").isLessThan(total);

        await().atMost(Duration.ofSeconds(30)).until(() -> failures.contains(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == total);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(vhost.counts(queue)).containsExactly(0, 0, 1));
        assertThat(app.health().isUp()).isTrue();
        assertThat(deliveries.get()).as("the handler saw every message, some twice after the kill").isGreaterThanOrEqualTo(total);
        // What the broker and the handler saw is exact; a settled counter is not: an ack written just
        // before the kill may or may not have reached the broker.
        assertThat(vhost.counts(queue)).as("[ready, unacked, consumers]").containsExactly(0, 0, 1);
    }

    /** Like a broker restart: connections dropped, reconnects refused for a while, then a fresh broker state. */
    @Test
    void reconnectsWithGrowingAttemptsWhileTheBrokerRefusesAndResubscribesOnceItAcceptsAgain() {
        TestApps.Vhost vhost = apps.vhost();
        vhost.declareClassic(queue);
        List<Integer> failures = new CopyOnWriteArrayList<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        newApp().connection(vhost.connection().connectionFailCallback((e, attempt) -> failures.add(attempt)).build());
        app.route(AmqpRoute.consume(queue).name("r").handler(batch -> batch.forEach(m -> seen.add(m.bodyAsString()))));
        app.start();

        TestBroker.deleteVhost(vhost.name());
        await().atMost(Duration.ofSeconds(20)).until(() -> failures.size() >= 3);
        assertThat(app.health().isUp()).isFalse();
        assertThat(app.health().components().get(0).detail()).contains("connection 'default'");

        TestBroker.addVhost(vhost.name());
        vhost.declareClassic(queue);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(app.health().isUp()).isTrue());
        vhost.publish(queue, 0, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
        await().untilAsserted(() -> assertThat(vhost.counts(queue)).containsExactly(0, 0, 1));
        assertThat(failures.subList(0, 3)).as("attempts count up while refused").containsExactly(1, 2, 3);
    }

    /** Regression: each failure's callback ran on its own new thread, so a slow call overlapped the next one. */
    @Test
    void connectionFailCallbackCallsNeverOverlapAndKeepTheirOrder() {
        TestApps.Vhost vhost = apps.vhost();
        vhost.declareClassic(queue);
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        newApp().connection(vhost.connection().connectionFailCallback((e, attempt) -> {
            calls.add("start " + calls.size());
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            calls.add("end");
        }).build());
        app.route(AmqpRoute.consume(queue).name("r").handler(batch -> { }));
        try {
            app.start();
            vhost.closeAllConnections("first fault injected by RecoveryIT");
            await().atMost(Duration.ofSeconds(10)).until(() -> vhost.consumerTags().contains("r/" + queue + "#2"));
            vhost.closeAllConnections("second fault injected by RecoveryIT");
            await().atMost(Duration.ofSeconds(10)).until(() -> vhost.consumerTags().contains("r/" + queue + "#3"));
            assertThat(calls).as("the second call waits for the first").containsExactly("start 0");
        } finally {
            release.countDown();
        }
        await().untilAsserted(() -> assertThat(calls).containsExactly("start 0", "end", "start 2", "end"));
    }

    @Test
    void resubscribesWhenItsQueueIsDeletedAndCreatedAgain() {
        TestBroker.declareClassic(queue);
        List<String> seen = new CopyOnWriteArrayList<>();
        newApp().connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(queue).name("r").handler(batch -> batch.forEach(m -> seen.add(m.bodyAsString()))));
        app.start();
        TestBroker.publish(queue, 3);
        await().until(() -> seen.size() == 3);

        TestBroker.delete(queue);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ComponentHealth h = app.health().components().get(0);
            assertThat(h.state()).isEqualTo(ComponentHealth.State.DOWN);
            assertThat(h.detail()).contains(queue);
        });
        assertThat(app.health().isUp()).isFalse();
        assertThat(app.meters().get("asyncworker.consumer.up").tag("queue", queue).gauge().value()).isZero();

        TestBroker.declareClassic(queue);
        TestBroker.publish(queue, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 6);
        await().untilAsserted(() -> assertThat(app.health().isUp()).isTrue());
        assertThat(TestBroker.consumerCount(queue)).isEqualTo(1);
        await().untilAsserted(() -> assertThat(TestBroker.messageCount(queue)).isZero());
        assertThat(app.meters().get("asyncworker.consumer.up").tag("queue", queue).gauge().value()).isEqualTo(1);
    }

    @Test
    void missingQueueFailsStartNamingIt() {
        String present = apps.queue();
        TestBroker.declareClassic(present);
        newApp().connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(present, queue).handler(batch -> { }));
        assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("queue '" + queue + "' does not exist")
                .hasMessageContaining("declare(");
        await().untilAsserted(() -> assertThat(TestBroker.consumerCount(present)).isZero());
    }

    @Test
    void declaredQueueIsCreatedAtStart() {
        List<String> seen = new CopyOnWriteArrayList<>();
        newApp().connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(queue).declare(QueueDeclaration.quorum())
                .handler(batch -> batch.forEach(m -> seen.add(m.bodyAsString()))));
        app.start();
        TestBroker.publish(queue, 2);
        await().until(() -> seen.size() == 2);
        assertThat(TestBroker.consumerCount(queue)).isEqualTo(1);
    }

    @Test
    void unreachableBrokerFailsStartNamingTheAddress() {
        newApp().connection(AmqpConnection.builder().url("amqp://guest:guest@127.0.0.1:1/").connectTimeout(Duration.ofSeconds(2))
                .build());
        app.route(AmqpRoute.consume(queue).handler(batch -> { }));
        assertThatThrownBy(app::start).hasMessageContaining("cannot connect to RabbitMQ at amqp://127.0.0.1:1/");
    }
}
