package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import io.asyncworker.App;
import io.asyncworker.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BadMessagesIT {
    record Item(int id) {
    }

    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private App app;

    private void start(AmqpRoute route) {
        app = apps.app();
        app.connection(TestBroker.connection().prefetch(20).build());
        app.route(route);
        app.start();
    }

    @Test
    void undecodableBodyIsDeadLetteredCountedAndNeverReachesTheHandler() {
        String dlq = TestBroker.declareWithDlq(queue, false);
        TestBroker.publish(queue, 4, i -> i == 2 ? "not json" : "{\"id\":" + i + "}");
        List<Item> seen = new CopyOnWriteArrayList<>();
        start(AmqpRoute.consume(queue).bodyType(Item.class).bulkSize(3).flushTimeout(Duration.ofMillis(100))
                .handler(batch -> batch.forEach(m -> seen.add(m.body(Item.class)))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(seen).containsExactlyInAnyOrder(new Item(0), new Item(1), new Item(3));
            assertThat(TestBroker.messageCount(dlq)).isEqualTo(1);
            assertThat(TestBroker.messageCount(queue)).isZero();
        });
        assertThat(TestBroker.drain(dlq)).containsExactly("not json");
        assertThat(app.meters().get("asyncworker.messages.invalid").tag("reason", "decode").counter().count())
                .isEqualTo(1.0);
    }

    /** Regression: a JSON null passed the body type and reached the handler as null, and was requeued forever. */
    @Test
    void aJsonNullBodyOnATypedRouteIsDeadLetteredAndNeverReachesTheHandler() {
        String dlq = TestBroker.declareWithDlq(queue, false);
        TestBroker.publish(queue, 2, i -> i == 0 ? "null" : "{\"id\":" + i + "}");
        List<Item> seen = new CopyOnWriteArrayList<>();
        start(AmqpRoute.consume(queue).bodyType(Item.class).handler(batch -> batch.forEach(m -> seen.add(m.body(Item.class)))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(seen).containsExactly(new Item(1));
            assertThat(TestBroker.messageCount(dlq)).isEqualTo(1);
            assertThat(TestBroker.messageCount(queue)).isZero();
        });
        assertThat(TestBroker.drain(dlq)).containsExactly("null");
    }

    @Test
    void maxDeliveriesRejectsAFailingMessageOnAQuorumQueue() {
        assertDeliveryLimit(true);
    }

    @Test
    void maxDeliveriesRejectsAFailingMessageOnAClassicQueue() {
        assertDeliveryLimit(false);
    }

    private void assertDeliveryLimit(boolean quorum) {
        String dlq = TestBroker.declareWithDlq(queue, quorum);
        TestBroker.publish(queue, 1);
        TestBroker.withChannel(ch -> {
            ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    "no message id".getBytes(StandardCharsets.UTF_8));
            return null;
        });
        List<String> seen = new CopyOnWriteArrayList<>();
        start(AmqpRoute.consume(queue).maxDeliveries(3).handler(batch -> {
            batch.forEach(m -> seen.add(m.bodyAsString() + "#" + m.deliveryCount()));
            throw new IllegalStateException("always fails");
        }));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(TestBroker.messageCount(dlq)).isEqualTo(2);
            assertThat(TestBroker.messageCount(queue)).isZero();
        });
        assertThat(seen).containsExactlyInAnyOrder("{\"id\":0}#1", "{\"id\":0}#2", "{\"id\":0}#3",
                "no message id#1", "no message id#2", "no message id#3");
        assertThat(TestBroker.drain(dlq)).containsExactlyInAnyOrder("{\"id\":0}", "no message id");
    }

    /** Regression: at stop, a batch that never ran was rejected (dead-lettered) by maxDeliveries instead of requeued. */
    @Test
    void messageThatNeverRanIsRequeuedAtStopEvenAtItsDeliveryLimit() {
        String dlq = TestBroker.declareWithDlq(queue, false);
        TestBroker.publish(queue, 2);
        CountDownLatch running = new CountDownLatch(1);
        app = apps.app(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "300ms"));
        app.connection(TestBroker.connection().prefetch(10).build());
        app.route(AmqpRoute.consume(queue).maxDeliveries(1).maxConcurrency(1).handler(batch -> {
            running.countDown();
            new CountDownLatch(1).await();
        }));
        app.start();
        await().until(() -> running.getCount() == 0);
        await().untilAsserted(() -> assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 2, 1));

        app.stop();
        assertThat(TestBroker.drain(queue)).as("m1 never reached the handler").containsExactly("{\"id\":1}");
        assertThat(TestBroker.drain(dlq)).as("m0 ran (and hung) on its last allowed delivery").containsExactly("{\"id\":0}");
    }
}
