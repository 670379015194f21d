package io.asyncworker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Action;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk size and flush timeout of an in-memory route, with the clock driven by the test. */
class InMemoryBatchingTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    private InMemoryRoute.Builder route() {
        return InMemoryRoute.consume("orders").flushTimeout(Duration.ofSeconds(5));
    }

    private void record(List<InMemoryMessage> batch) {
        batches.add(batch.stream().map(InMemoryMessage::bodyAsString).toList());
    }

    @Test
    void aFullBucketGoesToTheHandlerAtOnceInSendOrder() {
        apps.start(route().bulkSize(3).handler(this::record));
        List<Sent> sent = IntStream.range(0, 6).mapToObj(i -> apps.broker.send("orders", "m" + i)).toList();

        sent.forEach(s -> assertThat(s.awaitSettled()).isEqualTo(Action.ACK));
        assertThat(batches).containsExactlyInAnyOrder(List.of("m0", "m1", "m2"), List.of("m3", "m4", "m5"));
        assertThat(apps.count("asyncworker.batch.flush", "reason", "size")).isEqualTo(2);
        assertThat(apps.broker.unacked("orders")).isZero();
    }

    @Test
    void aPartialBucketWaitsForTheFlushTimeoutCountedFromItsFirstMessage() {
        apps.start(route().bulkSize(10).handler(this::record));
        Sent first = apps.broker.send("orders", "a");
        apps.timer.advance(Duration.ofSeconds(3));
        Sent second = apps.broker.send("orders", "b");
        apps.timer.advance(Duration.ofMillis(1_999));

        assertThat(batches).as("4.999 s after the first message").isEmpty();
        assertThat(apps.broker.unacked("orders")).isEqualTo(2);

        apps.timer.advance(Duration.ofMillis(1));
        assertThat(first.awaitSettled()).isEqualTo(Action.ACK);
        assertThat(second.awaitSettled()).isEqualTo(Action.ACK);
        assertThat(batches).containsExactly(List.of("a", "b"));
        assertThat(apps.count("asyncworker.batch.flush", "reason", "timeout")).isEqualTo(1);
    }

    @Test
    void theNextBucketsTimerStartsWithItsOwnFirstMessage() {
        apps.start(route().bulkSize(10).handler(this::record));
        apps.broker.send("orders", "a");
        apps.timer.advance(Duration.ofSeconds(5));
        await().until(() -> batches.size() == 1);
        apps.timer.advance(Duration.ofSeconds(4));
        Sent late = apps.broker.send("orders", "b");
        apps.timer.advance(Duration.ofSeconds(4));

        assertThat(batches).as("the empty bucket armed no timer").hasSize(1);
        apps.timer.advance(Duration.ofSeconds(1));
        assertThat(late.awaitSettled()).isEqualTo(Action.ACK);
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void theBulkSizeIsClampedToTheBrokersPrefetch() {
        InMemoryBroker small = InMemoryBroker.builder().name("small").prefetch(2).build();
        var app = apps.app(java.util.Map.of());
        app.route(route().connection(small).bulkSize(10).handler(this::record));
        app.start();
        List<Sent> sent = IntStream.range(0, 4).mapToObj(i -> small.send("orders", "m" + i)).toList();

        sent.forEach(s -> assertThat(s.awaitSettled()).isEqualTo(Action.ACK));
        assertThat(batches).containsExactlyInAnyOrder(List.of("m0", "m1"), List.of("m2", "m3"));
    }

    @Test
    void messagesSentBeforeTheAppStartsWaitInTheQueueAndComeInOneBatch() {
        Sent early = apps.broker.send("orders", "early");
        Sent earlier = apps.broker.send("orders", "later");
        assertThat(apps.broker.ready("orders")).isEqualTo(2);

        apps.start(route().bulkSize(2).handler(this::record));
        assertThat(early.awaitSettled()).isEqualTo(Action.ACK);
        assertThat(earlier.awaitSettled()).isEqualTo(Action.ACK);
        assertThat(batches).containsExactly(List.of("early", "later"));
        assertThat(apps.broker.ready("orders")).isZero();
    }
}
