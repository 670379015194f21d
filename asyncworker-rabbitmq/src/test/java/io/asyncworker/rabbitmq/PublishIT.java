package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import io.asyncworker.App;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublishIT {
    record Item(int id, String name) {
    }

    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private final String other = apps.queue();
    private final AmqpConnection connection = TestBroker.connection().build();

    @AfterEach
    void closeConnection() {
        connection.close();
    }

    @Test
    void objectsArePublishedAsPersistentConfirmedJson() {
        TestBroker.declareClassic(queue);
        connection.publish("", queue, new Item(1, "one"));

        GetResponse r = TestBroker.get(queue);
        assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1,\"name\":\"one\"}");
        assertThat(r.getProps().getContentType()).isEqualTo("application/json");
        assertThat(r.getProps().getDeliveryMode()).isEqualTo(2);
    }

    @Test
    void stringsAndBytesKeepTheirBodiesAndCarryHeadersAndProperties() {
        TestBroker.declareClassic(queue);
        connection.publish("", queue, "hello", PublishOptions.builder().header("tenant", "acme").messageId("x1")
                .correlationId("c1").persistent(false).build());
        connection.publish("", queue, new byte[] {1, 2, 3});

        GetResponse text = TestBroker.get(queue);
        assertThat(new String(text.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(text.getProps().getContentType()).startsWith("text/plain");
        assertThat(text.getProps().getHeaders().get("tenant").toString()).isEqualTo("acme");
        assertThat(text.getProps().getMessageId()).isEqualTo("x1");
        assertThat(text.getProps().getCorrelationId()).isEqualTo("c1");
        assertThat(text.getProps().getDeliveryMode()).isEqualTo(1);
        GetResponse bytes = TestBroker.get(queue);
        assertThat(bytes.getBody()).containsExactly(1, 2, 3);
        assertThat(bytes.getProps().getDeliveryMode()).isEqualTo(2);
    }

    @Test
    void mandatoryUnroutableMessageIsAnErrorNamingExchangeAndRoutingKey() {
        String key = "nobody-" + UUID.randomUUID();
        PublishOptions mandatory = PublishOptions.builder().mandatory(true).build();
        assertThatThrownBy(() -> connection.publish("amq.direct", key, "lost", mandatory))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("exchange 'amq.direct'").hasMessageContaining("routing key '" + key + "'")
                .hasMessageContaining("unroutable");
        assertThatThrownBy(() -> connection.publishAsync("", key, "lost", mandatory).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PublishException.class);

        connection.publish("amq.direct", key, "dropped without mandatory");
        TestBroker.declareClassic(queue);
        connection.publish("", queue, "routable", mandatory);
        assertThat(TestBroker.messageCount(queue)).isEqualTo(1);
    }

    /** Regression: a default publish to a missing queue returned normally and the message was dropped. */
    @Test
    void aDefaultPublishToAQueueThatDoesNotExistFailsNamingTheQueue() {
        String missing = "missing-" + UUID.randomUUID();
        assertThatThrownBy(() -> connection.publish("", missing, "lost"))
                .isInstanceOfSatisfying(PublishException.class,
                        e -> assertThat(e.failure()).isEqualTo(PublishException.Failure.UNROUTABLE))
                .hasMessageContaining("no queue named '" + missing + "' exists");
        assertThatThrownBy(() -> connection.publishAsync("", missing, new Item(1, "x"), PublishOptions.defaults()).join())
                .hasCauseInstanceOf(PublishException.class).hasMessageContaining(missing);

        connection.publish("", missing, "dropped on purpose", PublishOptions.builder().mandatory(false).build());
        connection.publish("amq.fanout", "", "an event nobody subscribed to is not an error");
    }

    @Test
    void missingExchangeFailsThePublishAndTheNextOneWorks() {
        String exchange = "missing-" + UUID.randomUUID();
        assertThatThrownBy(() -> connection.publish(exchange, "k", "x")).isInstanceOfSatisfying(PublishException.class,
                        e -> assertThat(e.failure()).isEqualTo(PublishException.Failure.EXCHANGE_NOT_FOUND))
                .hasMessageContaining("exchange '" + exchange + "' does not exist");
        TestBroker.declareClassic(queue);
        connection.publish("", queue, "after the failure");
        assertThat(TestBroker.messageCount(queue)).isEqualTo(1);
    }

    /** Regression: headers too large for a frame left amqp-client's sequence numbers one ahead of the broker's. */
    @Test
    void headersTooLargeForAFrameFailThatPublishAloneAndTheNextOnesAreConfirmedRightly() {
        TestBroker.declareClassic(queue);
        AmqpConnection quick = TestBroker.connection().confirmTimeout(Duration.ofSeconds(5)).build();
        try {
            quick.publish("", queue, "first");
            PublishOptions huge = PublishOptions.builder().header("big", "x".repeat(200_000)).build();
            assertThatThrownBy(() -> quick.publish("", queue, "too big", huge))
                    .isInstanceOfSatisfying(PublishException.class,
                            e -> assertThat(e.failure()).isEqualTo(PublishException.Failure.NOT_SENT))
                    .hasMessageContaining("exceeded max frame size");
            quick.publish("", queue, "next");
            assertThatThrownBy(() -> quick.publish("", "missing-" + UUID.randomUUID(), "unroutable"))
                    .hasMessageContaining("unroutable");
            quick.publish("", queue, "last");
            assertThat(TestBroker.drain(queue)).containsExactly("first", "next", "last");
        } finally {
            quick.close();
        }
    }

    @Test
    void publishingWithoutConfirmsStillDelivers() {
        TestBroker.declareClassic(queue);
        AmqpConnection fast = TestBroker.connection().publisherConfirms(false).build();
        try {
            fast.publish("", queue, "fire and forget");
            await().until(() -> TestBroker.messageCount(queue) == 1);
        } finally {
            fast.close();
        }
    }

    @Test
    void startupHooksAndHandlersCanPublish() {
        TestBroker.declareClassic(queue);
        TestBroker.declareClassic(other);
        App app = apps.app();
        app.connection(connection);
        app.onStartup(a -> connection.publish("", queue, new Item(7, "from startup")));
        app.route(AmqpRoute.consume(queue).bodyType(Item.class).handler(batch -> {
            for (RabbitMQMessage m : batch) {
                Item in = m.body(Item.class);
                connection.publish("", other, new Item(in.id() + 1, "from handler"));
            }
        }));
        app.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.messageCount(other) == 1);
        assertThat(TestBroker.drain(other)).containsExactly("{\"id\":8,\"name\":\"from handler\"}");
        await().untilAsserted(() -> assertThat(TestBroker.messageCount(queue)).isZero());
    }

    @Test
    void publisherReconnectsAfterTheBrokerClosedItsConnection() {
        TestApps.Vhost vhost = apps.vhost();
        AmqpConnection inVhost = vhost.connection().build();
        try {
            vhost.declareClassic(queue);
            inVhost.publish("", queue, "before");
            vhost.closeAllConnections("fault injected by PublishIT");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> inVhost.publish("", queue, "after"));
            assertThat(vhost.counts(queue)[0]).isGreaterThanOrEqualTo(2);
        } finally {
            inVhost.close();
        }
    }
}
