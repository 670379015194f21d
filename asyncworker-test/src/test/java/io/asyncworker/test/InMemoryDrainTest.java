package io.asyncworker.test;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The graceful stop: partial buckets are handled, what never ran goes back to the queue. */
class InMemoryDrainTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();

    @Test
    void stoppingHandsThePartialBucketToTheHandlerAndAcksIt() {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        App app = apps.start(InMemoryRoute.consume("q").bulkSize(10).handler(batch -> batches.add(batch.size())));
        Sent a = apps.broker.send("q", "a");
        Sent b = apps.broker.send("q", "b");

        app.stop();
        assertThat(a.actions()).containsExactly(ACK);
        assertThat(b.actions()).containsExactly(ACK);
        assertThat(batches).containsExactly(2);
        assertThat(apps.count("asyncworker.batch.flush", "reason", "shutdown")).isEqualTo(1);
    }

    @Test
    void stoppingRequeuesTheBatchesThatNeverRanAndTheOneThatOutlivedTheBudget() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        App app = apps.start(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "300ms"),
                InMemoryRoute.consume("q").maxConcurrency(1).handler(batch -> {
                    handled.add(batch.get(0).bodyAsString());
                    running.countDown();
                    new CountDownLatch(1).await();   // until the stop interrupts it
                }));
        List<Sent> sent = IntStream.range(0, 3).mapToObj(i -> apps.broker.send("q", "m" + i)).toList();
        running.await();

        app.stop();
        sent.forEach(s -> assertThat(s.actions()).containsExactly(REQUEUE));
        assertThat(handled).as("only the first one ran").containsExactly("m0");
        assertThat(apps.broker.ready("q")).isEqualTo(3);
        assertThat(apps.broker.unacked("q")).isZero();
        assertThat(apps.broker.consumers("q")).isZero();
    }

    @Test
    void theNextAppConsumesWhatTheStoppedOneLeftInTheQueue() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        App first = apps.start(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "100ms"),
                InMemoryRoute.consume("q").maxConcurrency(1).handler(batch -> {
                    running.countDown();
                    new CountDownLatch(1).await();
                }));
        List<Sent> sent = IntStream.range(0, 2).mapToObj(i -> apps.broker.send("q", "m" + i)).toList();
        running.await();
        first.stop();

        List<Long> counts = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("q").handler(batch -> counts.add(batch.get(0).deliveryCount())));
        sent.forEach(s -> assertThat(s.awaitSettled(2)).isEqualTo(ACK));
        assertThat(counts).containsExactly(2L, 2L);
        await().until(() -> apps.broker.ready("q") + apps.broker.unacked("q") == 0);
    }
}
