package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import io.asyncworker.App;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
            assertThat(seen).containsExactly(new Item(0), new Item(1), new Item(3));
            assertThat(TestBroker.messageCount(dlq)).isEqualTo(1);
            assertThat(TestBroker.messageCount(queue)).isZero();
        });
        assertThat(TestBroker.drain(dlq)).containsExactly("not json");
        assertThat(app.meters().get("asyncworker.messages.invalid").tag("reason", "decode").counter().count())
                .isEqualTo(1.0);
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
}
