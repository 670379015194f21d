package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker closes the consuming channel with a channel error while the connection stays up:
 * the consumer re-subscribes on a new channel by itself, never acks the old channel's tags there,
 * and does not hand the handler the dead channel's batches that were still waiting for a slot.
 */
class ChannelErrorIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();

    @Test
    void batchesOfADeadChannelWaitingForASlotAreNotHandledAndItsTagsAreNeverAcked() {
        TestApps.Vhost vhost = apps.vhost();
        vhost.declareClassic(queue);
        vhost.publish(queue, 0, 15);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        List<Integer> connectionFailures = new CopyOnWriteArrayList<>();
        App app = apps.app();
        app.connection(vhost.connection().prefetch(20).connectionFailCallback((e, n) -> connectionFailures.add(n)).build());
        app.route(AmqpRoute.consume(queue).name("r").bulkSize(5).maxConcurrency(1).flushTimeout(Duration.ofMillis(100))
                .handler(batch -> {
                    if (!batch.get(0).redelivered()) {
                        running.countDown();
                        release.await();
                    }
                    batch.forEach(m -> handled.add(m.properties().getMessageId() + (m.redelivered() ? "*" : "")));
                }));
        app.start();
        await().until(() -> running.getCount() == 0);
        await().untilAsserted(() -> assertThat(vhost.counts(queue)).containsExactly(0, 15, 1));

        vhost.failConsumerChannels();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(vhost.consumerTags()).contains("r/" + queue + "#2");
            assertThat(vhost.counts(queue)).as("redelivered on the new channel").containsExactly(0, 15, 1);
        });
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(vhost.counts(queue)).containsExactly(0, 0, 1);
            assertThat(app.meters().get("asyncworker.messages.settled").tag("action", "ack").counter().count())
                    .isEqualTo(15);
        });
        List<String> expected = new ArrayList<>(List.of("m0", "m1", "m2", "m3", "m4"));
        IntStream.range(0, 15).forEach(i -> expected.add("m" + i + "*"));
        assertThat(handled).as("the running batch finished; the waiting ones of the dead channel were skipped")
                .containsExactlyElementsOf(expected);
        assertThat(vhost.consumerTags()).as("no stale ack closed the new channel").doesNotContain("#3");
        assertThat(connectionFailures).as("the connection itself never failed").isEmpty();
        assertThat(app.health().isUp()).isTrue();
    }
}
