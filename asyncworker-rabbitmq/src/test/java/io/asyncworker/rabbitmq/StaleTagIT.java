package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Regression: a batch that was running when its connection died finishes after the reconnect. Its
 * delivery tags (1..n) exist again on the new channel, for the redelivered copies, which were
 * acked already; acking them again would close the new channel (PRECONDITION_FAILED). The settler
 * must drop the old batch's acks.
 */
class StaleTagIT {

    @Test
    void batchFinishingAfterAReconnectDoesNotAckOnTheNewChannel() throws Exception {
        String vhost = "aw-test-" + UUID.randomUUID();
        String queue = TestBroker.uniqueQueue();
        TestBroker.addVhost(vhost);
        TestBroker.Admin admin = TestBroker.admin(vhost);
        CountDownLatch release = new CountDownLatch(1);
        List<String> processed = new CopyOnWriteArrayList<>();
        List<Integer> failures = new CopyOnWriteArrayList<>();
        App app = App.create(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT, "5s")));
        try {
            admin.withChannel(ch -> ch.queueDeclare(queue, true, false, false, null));
            publish(admin, queue, 0, 5);
            app.meters().add(new SimpleMeterRegistry());
            app.connection(AmqpConnection.builder().url(TestBroker.url(vhost)).prefetch(10)
                    .reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1))
                    .connectionFailCallback((e, attempt) -> failures.add(attempt)).build());
            app.route(AmqpRoute.consume(queue).name("r").bulkSize(5).flushTimeout(Duration.ofMillis(100)).handler(batch -> {
                if (!batch.get(0).redelivered() && batch.get(0).properties().getMessageId().equals("m0")) {
                    release.await();
                }
                batch.forEach(m -> processed.add(m.properties().getMessageId() + (m.redelivered() ? "*" : "")));
            }));
            app.start();
            await().untilAsserted(() -> assertThat(TestBroker.brokerCounts(vhost, queue)).containsExactly(0, 5, 1));

            TestBroker.rabbitmqctl("-q", "close_all_connections", "-p", vhost, "fault injected by StaleTagIT");
            await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 5);
            assertThat(processed).containsExactly("m0*", "m1*", "m2*", "m3*", "m4*");
            assertThat(failures).containsExactly(1);

            release.countDown();
            await().until(() -> processed.size() == 10);
            publish(admin, queue, 5, 1);
            await().until(() -> processed.contains("m5"));
            await().untilAsserted(() -> assertThat(TestBroker.brokerCounts(vhost, queue)).containsExactly(0, 0, 1));
            String consumers = TestBroker.rabbitmqctl("-q", "list_consumers", "-p", vhost, "consumer_tag");
            assertThat(consumers).as("still the channel of the reconnect; no channel error").contains("r/" + queue + "#2")
                    .doesNotContain("#3");
            assertThat(app.meters().get("asyncworker.messages.settled").tag("action", "ack").counter().count())
                    .isEqualTo(6);
            assertThat(app.health().isUp()).isTrue();
        } finally {
            release.countDown();
            app.close();
            admin.close();
            TestBroker.deleteVhost(vhost);
        }
    }

    private static void publish(TestBroker.Admin admin, String queue, int from, int count) {
        admin.withChannel(ch -> {
            ch.confirmSelect();
            for (int i = from; i < from + count; i++) {
                ch.basicPublish("", queue, new com.rabbitmq.client.AMQP.BasicProperties.Builder().messageId("m" + i)
                        .deliveryMode(2).build(), new byte[] {(byte) i});
            }
            ch.waitForConfirmsOrDie(10_000);
            return null;
        });
    }
}
