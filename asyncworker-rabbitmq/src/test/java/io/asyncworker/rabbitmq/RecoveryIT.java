package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecoveryIT {
    private final String queue = TestBroker.uniqueQueue();
    private App app;

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        TestBroker.delete(queue);
    }

    private App newApp() {
        app = App.create(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT, "5s")));
        app.meters().add(new SimpleMeterRegistry());
        return app;
    }

    @Test
    void recoversFromCloseAllConnectionsDuringAStreamAndProcessesEveryMessage() throws Exception {
        String vhost = "aw-test-" + UUID.randomUUID();
        TestBroker.addVhost(vhost);
        TestBroker.Admin admin = TestBroker.admin(vhost);
        try {
            admin.withChannel(ch -> ch.queueDeclare(queue, true, false, false, null));
            int total = 20_000;
            admin.withChannel(ch -> {
                ch.confirmSelect();
                for (int i = 0; i < total; i++) {
                    ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2).messageId("m" + i)
                            .build(), ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(60_000);
                return null;
            });
            Set<String> processed = ConcurrentHashMap.newKeySet();
            AtomicInteger deliveries = new AtomicInteger();
            List<Integer> failures = new CopyOnWriteArrayList<>();
            newApp().connection(AmqpConnection.builder().url(TestBroker.url(vhost)).prefetch(300)
                    .reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1))
                    .connectionFailCallback((e, attempt) -> failures.add(attempt)).build());
            app.route(AmqpRoute.consume(queue).bulkSize(100).maxConcurrency(2).handler(batch -> {
                Thread.sleep(50);
                batch.forEach(m -> processed.add(m.properties().getMessageId()));
                deliveries.addAndGet(batch.size());
            }));
            app.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() >= 2_000);
            TestBroker.rabbitmqctl("-q", "close_all_connections", "-p", vhost, "fault injected by RecoveryIT");
            assertThat(processed.size()).as("the fault hit mid-stream").isLessThan(total);

            await().atMost(Duration.ofSeconds(30)).until(() -> failures.contains(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == total);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(TestBroker.brokerCounts(vhost, queue)).containsExactly(0, 0, 1));
            assertThat(app.health().isUp()).isTrue();
            assertThat(deliveries.get()).isGreaterThanOrEqualTo(total);
            assertThat(app.meters().get("asyncworker.messages.settled").tag("action", "ack").counter().count())
                    .as("every message acked exactly once").isEqualTo(total);
        } finally {
            if (app != null) {
                app.close();
            }
            admin.close();
            TestBroker.deleteVhost(vhost);
        }
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
        String present = TestBroker.uniqueQueue();
        TestBroker.declareClassic(present);
        try {
            newApp().connection(TestBroker.connection().build());
            app.route(AmqpRoute.consume(present, queue).handler(batch -> { }));
            assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("queue '" + queue + "' does not exist")
                    .hasMessageContaining("declare(");
            await().untilAsserted(() -> assertThat(TestBroker.consumerCount(present)).isZero());
        } finally {
            TestBroker.delete(present);
        }
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
