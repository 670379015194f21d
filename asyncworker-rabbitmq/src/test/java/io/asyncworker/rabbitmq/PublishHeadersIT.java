package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Consumers of other frameworks see exactly the headers the publisher set (SPEC §15). */
class PublishHeadersIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private final AmqpConnection connection = TestBroker.connection().build();

    @AfterEach
    void close() {
        connection.close();
    }

    /** Regression: every mandatory message arrived carrying x-asyncworker-publish-seq. */
    @Test
    void aPlainAmqpClientConsumerSeesExactlyTheHeadersThePublisherSet() throws Exception {
        TestBroker.declareClassic(queue);
        connection.publish("", queue, "with headers", PublishOptions.builder().mandatory(true)
                .header("tenant", "acme").header("attempt", 7).build());
        connection.publish("", queue, "default publish, mandatory on the default exchange");
        connection.publishAsync("", queue, "async", PublishOptions.builder().header("k", "v").build()).join();

        List<Map<String, Object>> received = consumeRaw(3);
        assertThat(received.get(0)).containsOnlyKeys("tenant", "attempt");
        assertThat(received.get(0).get("tenant").toString()).isEqualTo("acme");
        assertThat(received.get(0).get("attempt")).isEqualTo(7);
        assertThat(received.get(1)).as("no header at all").isNull();
        assertThat(received.get(2)).containsOnlyKeys("k");
    }

    /** Without a header, each return still reaches its own publish, also among identical bodies. */
    @Test
    void returnsAreMatchedToTheirOwnPublishesAmongConcurrentIdenticalOnes() throws Exception {
        TestBroker.declareClassic(queue);
        String bound = "bound-" + UUID.randomUUID();
        TestBroker.withChannel(ch -> ch.queueBind(queue, "amq.direct", bound));
        PublishOptions mandatory = PublishOptions.builder().mandatory(true).build();
        List<CompletableFuture<Void>> routable = new ArrayList<>();
        List<CompletableFuture<Void>> unroutable = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            routable.add(connection.publishAsync("amq.direct", bound, "same body", mandatory));
            unroutable.add(connection.publishAsync("amq.direct", "nobody-" + (i % 3), "same body", mandatory));
        }
        routable.forEach(CompletableFuture::join);
        for (CompletableFuture<Void> f : unroutable) {
            assertThat(f).failsWithin(java.time.Duration.ofSeconds(30)).withThrowableOfType(Exception.class)
                    .havingRootCause().isInstanceOfSatisfying(PublishException.class,
                            e -> assertThat(e.failure()).isEqualTo(PublishException.Failure.UNROUTABLE));
        }
        assertThat(TestBroker.messageCount(queue)).isEqualTo(400);
        TestBroker.withChannel(ch -> {
            ch.queueUnbind(queue, "amq.direct", bound);
            return null;
        });
    }

    private List<Map<String, Object>> consumeRaw(int count) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestBroker.url());
        List<Map<String, Object>> headers = Collections.synchronizedList(new ArrayList<>());
        try (Connection c = f.newConnection("aw-test-raw-consumer")) {
            Channel ch = c.createChannel();
            ch.basicConsume(queue, true, new DefaultConsumer(ch) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    headers.add(props.getHeaders() == null ? null : new LinkedHashMap<>(props.getHeaders()));
                }
            });
            await().until(() -> headers.size() == count);
        }
        return headers;
    }
}
