package io.asyncworker.test;

import static io.asyncworker.Action.ACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A channel that dies: its deliveries come again, and what the route settles for them later is ignored. */
class InMemoryChannelTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();

    @Test
    void aSettlementForADeliveryOfADeadChannelIsIgnoredAndTheMessageComesAgain() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Long> counts = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("q").handler(batch -> {
            InMemoryMessage m = batch.get(0);
            counts.add(m.deliveryCount());
            if (m.deliveryCount() == 1) {
                firstRunning.countDown();
                releaseFirst.await();
            }
        }));
        Sent sent = apps.broker.send("q", "x");
        firstRunning.await();

        apps.broker.killChannels("q");
        assertThat(sent.awaitSettled()).as("the redelivery's ack").isEqualTo(ACK);
        assertThat(sent.deliveryCount()).isEqualTo(2);
        releaseFirst.countDown();

        await().untilAsserted(() -> assertThat(apps.count("asyncworker.messages.settled", "action", "requeue"))
                .as("the dead delivery's outcome was turned into a requeue and dropped").isEqualTo(1));
        assertThat(sent.actions()).containsExactly(ACK);
        assertThat(counts).containsExactly(1L, 2L);
        assertThat(apps.broker.ready("q") + apps.broker.unacked("q")).isZero();
    }

    @Test
    void waitingMessagesOfADeadChannelLeaveTheBucketAndComeBackOnce() {
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("q").bulkSize(10).flushTimeout(Duration.ofSeconds(5))
                .handler(batch -> batches.add(batch.stream().map(InMemoryMessage::deliveryCount).toList())));
        Sent a = apps.broker.send("q", "a");
        Sent b = apps.broker.send("q", "b");

        apps.broker.killChannels("q");
        apps.timer.advance(Duration.ofSeconds(5));

        assertThat(a.awaitSettled()).isEqualTo(ACK);
        assertThat(b.awaitSettled()).isEqualTo(ACK);
        assertThat(batches).as("the dead channel's copies were dropped from the bucket").containsExactly(List.of(2L, 2L));
        assertThat(apps.broker.consumers("q")).as("the consumer goes on on a new channel").isEqualTo(1);
    }
}
