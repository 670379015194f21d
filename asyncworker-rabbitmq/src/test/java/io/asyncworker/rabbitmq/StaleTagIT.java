package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Regression: a batch that was running when its connection died finishes after the reconnect. Its
 * delivery tags (1..n) exist again on the new channel, for the redelivered copies, which were
 * acked already; acking them again would close the new channel (PRECONDITION_FAILED). The settler
 * must drop the old batch's acks.
 */
class StaleTagIT {
    @RegisterExtension
    final TestApps apps = new TestApps();

    @Test
    void batchFinishingAfterAReconnectDoesNotAckOnTheNewChannel() {
        TestApps.Vhost vhost = apps.vhost();
        String queue = apps.queue();
        CountDownLatch release = new CountDownLatch(1);
        List<String> processed = new CopyOnWriteArrayList<>();
        List<Integer> failures = new CopyOnWriteArrayList<>();
        vhost.declareClassic(queue);
        vhost.publish(queue, 0, 5);
        App app = apps.app();
        app.connection(vhost.connection().prefetch(10).connectionFailCallback((e, attempt) -> failures.add(attempt))
                .build());
        app.route(AmqpRoute.consume(queue).name("r").bulkSize(5).flushTimeout(Duration.ofMillis(100)).handler(batch -> {
            if (!batch.get(0).redelivered() && batch.get(0).properties().getMessageId().equals("m0")) {
                release.await();
            }
            batch.forEach(m -> processed.add(m.properties().getMessageId() + (m.redelivered() ? "*" : "")));
        }));
        try {
            app.start();
            await().untilAsserted(() -> assertThat(vhost.counts(queue)).containsExactly(0, 5, 1));

            vhost.closeAllConnections("fault injected by StaleTagIT");
            await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 5);
            assertThat(processed).containsExactly("m0*", "m1*", "m2*", "m3*", "m4*");
            assertThat(failures).containsExactly(1);

            release.countDown();
            await().until(() -> processed.size() == 10);
            vhost.publish(queue, 5, 1);
            await().until(() -> processed.contains("m5"));
            await().untilAsserted(() -> assertThat(vhost.counts(queue)).containsExactly(0, 0, 1));
            assertThat(vhost.consumerTags()).as("still the channel of the reconnect; no channel error")
                    .contains("r/" + queue + "#2").doesNotContain("#3");
            assertThat(app.meters().get("asyncworker.messages.settled").tag("action", "ack").counter().count())
                    .isEqualTo(6);
            assertThat(app.health().isUp()).isTrue();
        } finally {
            release.countDown();
        }
    }
}
