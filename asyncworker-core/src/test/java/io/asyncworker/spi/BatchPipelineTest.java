package io.asyncworker.spi;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Action;
import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.RetryPolicy;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.asyncworker.spi.TestMessage.TestInbound;
import org.junit.jupiter.api.Test;

class BatchPipelineTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<Integer, Action> settled = new ConcurrentHashMap<>();
    private final List<List<Integer>> settledBatches = new CopyOnWriteArrayList<>();
    private final Map<Integer, Verdict> verdicts = new ConcurrentHashMap<>();
    private boolean holdRequeues;

    private BatchPipeline<TestInbound, TestMessage> asyncPipeline(BatchOptions options, AsyncBatchHandler<TestMessage> handler) {
        return BatchPipeline.<TestInbound, TestMessage>builder("r1").options(options)
                .settings(Settings.from(Map.of())).timer(timer).meters(meters).handler(handler)
                .codec(IntCodec.INSTANCE).messages(TestMessage::new).holdRequeues(holdRequeues)
                .sink((batch, verdicts) -> {
                    for (int i = 0; i < batch.size(); i++) {
                        settled.put(batch.get(i).n, verdicts.get(i).action());
                        this.verdicts.put(batch.get(i).n, verdicts.get(i));
                    }
                    settledBatches.add(batch.stream().map(m -> m.n).toList());
                }).build();
    }

    private BatchPipeline<TestInbound, TestMessage> pipeline(BatchOptions options, BatchHandler<TestMessage> handler) {
        return asyncPipeline(options, AsyncBatchHandler.of(handler));
    }

    private static void addAll(BatchPipeline<TestInbound, TestMessage> p, int from, int to) {
        for (int i = from; i < to; i++) {
            p.add(new TestInbound(i));
        }
    }

    @Test
    void handlerRunsOnAVirtualThreadAndUndecidedMessagesGetOnSuccess() {
        AtomicInteger virtual = new AtomicInteger();
        var p = pipeline(BatchOptions.builder().bulkSize(2).build(), batch -> {
            if (Thread.currentThread().isVirtual()) {
                virtual.incrementAndGet();
            }
            batch.get(1).reject(false);
        });
        addAll(p, 0, 2);
        await().until(() -> settled.size() == 2);
        assertThat(virtual).hasValue(1);
        assertThat(settled).containsEntry(0, ACK).containsEntry(1, REJECT);
    }

    @Test
    void exceptionAppliesOnExceptionToUndecidedMessagesOnly() {
        var p = pipeline(BatchOptions.builder().bulkSize(3).onException(REJECT).build(), batch -> {
            batch.get(0).accept();
            batch.get(1).reject(true);
            throw new IllegalStateException("boom");
        });
        addAll(p, 0, 3);
        await().until(() -> settled.size() == 3);
        assertThat(settled).containsEntry(0, ACK).containsEntry(1, REQUEUE).containsEntry(2, REJECT);
        assertThat(meters.get("asyncworker.handler.duration").tag("result", "error").timer().count()).isEqualTo(1);
    }

    @Test
    void asyncHandlerIsDoneWhenItsStageCompletes() {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        var p = asyncPipeline(BatchOptions.defaults(), batch -> stage);
        p.add(new TestInbound(7));
        await().until(() -> p.batchesInFlight() == 1);
        assertThat(settled).isEmpty();
        stage.completeExceptionally(new RuntimeException("late failure"));
        await().until(() -> settled.size() == 1);
        assertThat(settled).containsEntry(7, REQUEUE);
    }

    @Test
    void decidingAfterTheBatchWasSettledIsAnError() {
        List<TestMessage> seen = new CopyOnWriteArrayList<>();
        var p = pipeline(BatchOptions.defaults(), batch -> {
            seen.addAll(batch);
        });
        p.add(new TestInbound(1));
        await().until(() -> settled.size() == 1);
        assertThatThrownBy(() -> seen.get(0).accept()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already settled");
        assertThat(seen.get(0).decision()).contains(ACK);
    }

    @Test
    void handlerCannotModifyTheBatch() {
        var p = pipeline(BatchOptions.defaults(), batch -> {
            batch.clear();
        });
        p.add(new TestInbound(1));
        await().until(() -> settled.size() == 1);
        assertThat(settled).containsEntry(1, REQUEUE);
    }

    @Test
    void maxConcurrencyOneRunsBatchesStrictlyOneAtATimeInOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        var p = pipeline(BatchOptions.builder().bulkSize(1).maxConcurrency(1).build(), batch -> {
            maxSeen.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(2); // simulated work, widens any overlap
            running.decrementAndGet();
        });
        addAll(p, 0, 50);
        await().until(() -> settled.size() == 50);
        assertThat(maxSeen).hasValue(1);
        assertThat(settledBatches.stream().map(b -> b.get(0)).toList()).isSorted();
    }

    @Test
    void maxConcurrencyBoundsParallelBatches() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        var p = pipeline(BatchOptions.builder().bulkSize(1).maxConcurrency(3).build(), batch -> {
            started.incrementAndGet();
            release.await();
        });
        addAll(p, 0, 10);
        await().until(() -> started.get() == 3);
        assertThat(p.batchesInFlight()).isEqualTo(10);
        release.countDown();
        await().until(() -> settled.size() == 10);
        assertThat(started).hasValue(10);
    }

    @Test
    void drainFlushesThePartialBucketAndWaitsForIt() {
        var p = pipeline(BatchOptions.builder().bulkSize(100).build(), batch -> { });
        addAll(p, 0, 5);
        assertThat(p.drain(Duration.ofSeconds(5))).isTrue();
        assertThat(settled).hasSize(5).containsValue(ACK).doesNotContainValue(REQUEUE);
        assertThat(meters.get("asyncworker.batch.flush").tag("reason", "shutdown").counter().count()).isEqualTo(1);
    }

    @Test
    void drainRequeuesBatchesThatNeverRanOrOutliveTheBudget() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        var p = pipeline(BatchOptions.builder().bulkSize(1).maxConcurrency(1).build(), batch -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        });
        addAll(p, 0, 3);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(p.drain(Duration.ofMillis(100))).isFalse();
        assertThat(settled).containsOnly(Map.entry(0, REQUEUE), Map.entry(1, REQUEUE), Map.entry(2, REQUEUE));
        assertThat(interrupted).as("the interrupted handler ended before drain returned").hasValue(1);
        assertThat(settledBatches).as("each batch is settled exactly once").hasSize(3);
    }

    @Test
    void aHandlerIgnoringTheInterruptHoldsTheDrainOnlyForTheGrace() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var p = pipeline(BatchOptions.defaults(), batch -> {
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException ignored) {
                    // a handler that does not stop when asked
                }
            }
        });
        p.add(new TestInbound(1));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        assertThat(p.drain(Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(settled).containsExactly(Map.entry(1, REQUEUE));
        release.countDown();
    }

    @Test
    void flushTimeoutFollowsTheInjectedClock() {
        var p = pipeline(BatchOptions.builder().bulkSize(10).flushTimeout(Duration.ofSeconds(2)).build(), batch -> { });
        addAll(p, 0, 3);
        timer.advance(Duration.ofMillis(1999));
        assertThat(p.waiting()).isEqualTo(3);
        timer.advance(Duration.ofMillis(1));
        await().until(() -> settled.size() == 3);
        assertThat(settledBatches).containsExactly(List.of(0, 1, 2));
        assertThat(meters.get("asyncworker.batch.size").summary().totalAmount()).isEqualTo(3);
    }

    @Test
    void staleMessagesWaitingAreDiscardedNeitherHandledNorSettled() {
        var p = pipeline(BatchOptions.builder().bulkSize(10).build(), batch -> { });
        List<TestInbound> in = List.of(new TestInbound(0), new TestInbound(1), new TestInbound(2), new TestInbound(3));
        in.forEach(p::add);
        in.get(0).current = false;
        in.get(1).current = false;
        assertThat(p.discardStale()).containsExactly(in.get(0), in.get(1));
        p.drain(Duration.ofSeconds(5));
        assertThat(settled.keySet()).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void aMessageWhoseChannelDiedBeforeItsBatchRanNeverReachesTheHandlerAndIsRequeued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        var p = pipeline(BatchOptions.builder().bulkSize(1).maxConcurrency(1).build(), batch -> {
            release.await();
            batch.forEach(m -> handled.add(m.n));
        });
        TestInbound waiting = new TestInbound(1);
        p.add(new TestInbound(0));
        p.add(waiting);
        waiting.current = false;
        release.countDown();
        await().until(() -> settled.size() == 2);
        assertThat(handled).containsExactly(0);
        assertThat(settled).containsEntry(1, REQUEUE);
        assertThat(meters.get("asyncworker.messages.invalid").tag("reason", "stale").counter().count()).isEqualTo(1);
        assertThat(meters.get("asyncworker.messages.settled").tag("action", "requeue").counter().count()).isZero();
    }

    @Test
    void anUndecodableBodyOrAJsonNullIsRejectedCountedAndNeverHandled() {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        var p = pipeline(BatchOptions.builder().bulkSize(3).bodyType(Integer.class).build(),
                batch -> batch.forEach(m -> handled.add(m.body(Integer.class))));
        p.add(new TestInbound(0, "null", 1));
        p.add(new TestInbound(1, "not a number", 1));
        p.add(new TestInbound(2, "42", 1));
        await().until(() -> settled.size() == 3);
        assertThat(handled).containsExactly(42);
        assertThat(settled).containsEntry(0, REJECT).containsEntry(1, REJECT).containsEntry(2, ACK);
        assertThat(meters.get("asyncworker.messages.invalid").tag("reason", "decode").counter().count()).isEqualTo(2);
    }

    @Test
    void theDeliveryLimitAppliesBeforeTheDecisionIsSealed() {
        List<TestMessage> seen = new CopyOnWriteArrayList<>();
        var p = pipeline(BatchOptions.builder().maxDeliveries(3).build(), batch -> {
            seen.addAll(batch);
            throw new IllegalStateException("poison");
        });
        p.add(new TestInbound(1, "1", 3));
        await().until(() -> settled.size() == 1);
        assertThat(settled).containsEntry(1, REJECT);
        assertThat(seen.get(0).decision()).as("decision() reports what was sent").contains(REJECT);
    }

    @Test
    void aMessageAddedAfterDrainIsRequeuedAtOnceNeverHandled() {
        AtomicInteger handled = new AtomicInteger();
        var p = pipeline(BatchOptions.builder().bulkSize(10).build(), batch -> handled.addAndGet(batch.size()));
        p.drain(Duration.ofSeconds(1));
        p.add(new TestInbound(5));
        assertThat(settled).containsExactly(Map.entry(5, REQUEUE));
        timer.advance(Duration.ofHours(1));
        assertThat(timer.pending()).as("no flush timer armed after drain").isZero();
        assertThat(handled).hasValue(0);
    }

    @Test
    void aRequeueOfAMessageThatKeepsComingBackWaitsSoItCannotLoopHot() {
        holdRequeues = true;
        var p = pipeline(BatchOptions.defaults(), batch -> {
            throw new IllegalStateException("poison");
        });
        p.add(new TestInbound(1, "1", 1));
        await().until(() -> settled.size() == 1);
        assertThat(settled).as("a first delivery is requeued at once").containsEntry(1, REQUEUE);
        p.add(new TestInbound(2, "2", 4));
        await().until(() -> timer.pending() == 1);
        assertThat(settled).doesNotContainKey(2);
        timer.advance(Duration.ofMillis(399));
        assertThat(settled).doesNotContainKey(2);
        timer.advance(Duration.ofMillis(1));
        await().until(() -> settled.containsKey(2));
        assertThat(settled).containsEntry(2, REQUEUE);
    }

    @Test
    void withoutHoldingARequeueIsCarriedOutAtOnceWhateverTheDeliveryCount() {
        var p = pipeline(BatchOptions.defaults(), batch -> {
            throw new IllegalStateException("poison");
        });
        p.add(new TestInbound(2, "2", 9));
        await().until(() -> settled.size() == 1);
        assertThat(settled).containsEntry(2, REQUEUE);
        assertThat(timer.pending()).isZero();
    }

    @Test
    void drainCarriesOutWaitingRequeuesAtOnce() {
        holdRequeues = true;
        var p = pipeline(BatchOptions.defaults(), batch -> {
            throw new IllegalStateException("poison");
        });
        p.add(new TestInbound(2, "2", 9));
        await().until(() -> timer.pending() == 1);
        assertThat(p.drain(Duration.ofSeconds(5))).isTrue();
        assertThat(settled).containsExactly(Map.entry(2, REQUEUE));
    }

    @Test
    void everyHandlerFailureIsCountedByExceptionType() {
        var p = pipeline(BatchOptions.builder().onException(REJECT).build(), batch -> {
            throw new IllegalStateException("poison");
        });
        addAll(p, 0, 5);
        await().until(() -> settled.size() == 5);
        assertThat(meters.get("asyncworker.handler.errors").tag("exception", "java.lang.IllegalStateException")
                .counter().count()).isEqualTo(5);
    }

    private static final RetryPolicy RETRY_3 = RetryPolicy.builder().maxAttempts(3)
            .backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)).parkOn(IllegalArgumentException.class).build();

    @Test
    void aFailedMessageIsRetriedByThePolicyAndParkedAfterItsLastAttemptEachCounted() {
        var p = pipeline(BatchOptions.builder().bulkSize(2).retry(RETRY_3).build(), batch -> {
            throw new IllegalStateException("poison");
        });
        p.add(new TestInbound(1, "1", 1, 1));
        p.add(new TestInbound(3, "3", 1, 3));
        await().until(() -> verdicts.size() == 2);
        assertThat(verdicts.get(1).kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(verdicts.get(1).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(verdicts.get(1).attempt()).isEqualTo(2);
        assertThat(verdicts.get(3).kind()).isEqualTo(Verdict.Kind.PARK);
        assertThat(verdicts.get(3).failure()).contains(new Verdict.Failure("java.lang.IllegalStateException", "poison"));
        assertThat(meters.get("asyncworker.messages.retried").tags("queue", "q", "attempt", "2").counter().count()).isEqualTo(1);
        assertThat(meters.get("asyncworker.messages.parked").tag("queue", "q").counter().count()).isEqualTo(1);
    }

    @Test
    void theHandlerRetriesOrParksOneMessageWhileTheOthersGetOnSuccess() {
        List<Optional<Action>> decisions = new CopyOnWriteArrayList<>();
        var p = pipeline(BatchOptions.builder().bulkSize(3).retry(RETRY_3).build(), batch -> {
            batch.get(0).retry();
            batch.get(1).park("customer unknown");
            batch.forEach(m -> decisions.add(m.decision()));
        });
        addAll(p, 0, 3);
        await().until(() -> verdicts.size() == 3);
        assertThat(verdicts.get(0).kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(verdicts.get(1).kind()).isEqualTo(Verdict.Kind.PARK);
        assertThat(verdicts.get(1).failure()).contains(new Verdict.Failure("parked by the handler", "customer unknown"));
        assertThat(verdicts.get(2)).isSameAs(Verdict.ACK);
        assertThat(decisions).containsExactly(Optional.of(REQUEUE), Optional.of(REJECT), Optional.empty());
    }

    @Test
    void retryAndParkWithoutAPolicyFailSayingWhatIsMissing() {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        var p = pipeline(BatchOptions.defaults(), batch -> {
            for (Runnable call : List.<Runnable>of(batch.get(0)::retry, () -> batch.get(0).park("x"))) {
                try {
                    call.run();
                } catch (IllegalStateException e) {
                    errors.add(e);
                }
            }
        });
        p.add(new TestInbound(1));
        await().until(() -> settled.size() == 1);
        assertThat(settled).containsEntry(1, ACK);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).hasMessageContaining("needs a retry policy on the route"));
    }

    @Test
    void aRetryIsHandedToTheSinkAtOnceNeverHeldLikeARequeue() {
        holdRequeues = true;
        var p = pipeline(BatchOptions.builder().retry(RETRY_3).build(), batch -> {
            throw new IllegalStateException("poison");
        });
        p.add(new TestInbound(1, "1", 5, 1));
        await().until(() -> verdicts.size() == 1);
        assertThat(verdicts.get(1).kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(timer.pending()).isZero();
    }

    /** Decodes decimal integers; "null" decodes to null like a JSON null. */
    enum IntCodec implements io.asyncworker.BodyCodec {
        INSTANCE;

        @Override
        public <T> T decode(byte[] body, Class<T> type) {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            if (text.equals("null")) {
                return null;
            }
            try {
                return type.cast(Integer.valueOf(text));
            } catch (NumberFormatException e) {
                throw new io.asyncworker.DecodeException("not a number", e);
            }
        }

        @Override
        public byte[] encode(Object value) {
            return String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String contentType() {
            return "text/plain";
        }
    }
}
