package io.asyncworker.scheduler;

import static io.asyncworker.scheduler.Harness.T0;
import static io.asyncworker.scheduler.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OverlapTest {
    private static final Duration TEN = Duration.ofSeconds(10);
    private final Harness h = new Harness();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        h.close();
    }

    private TaskHandler firstRunBlocks() {
        return h.recording(ctx -> {
            if (ctx.runNumber() == 1) {
                release.await();
            }
        });
    }

    @Test
    void skipDropsRunsDueWhileTheLastOneIsStillRunning() {
        h.route(Schedule.every(TEN).name("skip").handler(firstRunBlocks()));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        h.advance(TEN);
        h.advance(TEN);
        assertThat(h.skips("skip", "overlap")).isEqualTo(2.0);
        release.countDown();
        h.awaitRuns("skip", "success", 1);
        h.advance(TEN);
        h.awaitStarted(2);
        assertThat(h.started.get(1).scheduledTime()).isEqualTo(T0.plusSeconds(40));
        assertThat(h.started.get(1).runNumber()).isEqualTo(2);
    }

    @Test
    void waitKeepsOneRunWaitingAndStartsItWhenTheSlotFrees() {
        h.route(Schedule.every(TEN).name("wait").overlap(Overlap.WAIT).handler(firstRunBlocks()));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        h.advance(TEN); // due 20: waits
        h.advance(TEN); // due 30: one already waits, so skipped
        assertThat(h.skips("wait", "overlap")).isEqualTo(1.0);
        assertThat(h.started).hasSize(1);
        release.countDown();
        h.awaitStarted(2);
        assertThat(h.started.get(1).scheduledTime()).isEqualTo(T0.plusSeconds(20));
        h.awaitRuns("wait", "success", 2);
        assertThat(h.lateness("wait").max(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(10.0); // started at 30
        h.advance(TEN);
        h.awaitStarted(3);
        assertThat(h.started.get(2).scheduledTime()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void maxConcurrencyLetsThatManyRunsOverlap() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        h.route(Schedule.every(TEN).name("two").maxConcurrency(2).handler(h.recording(ctx -> {
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                release.await();
            } finally {
                active.decrementAndGet();
            }
        })));
        h.app.start();
        h.advance(TEN);
        h.advance(TEN);
        h.awaitStarted(2);
        eventually().until(() -> active.get() == 2);
        h.advance(TEN);
        assertThat(h.skips("two", "overlap")).isEqualTo(1.0);
        release.countDown();
        h.awaitRuns("two", "success", 2);
        assertThat(peak.get()).isEqualTo(2);
        assertThat(h.started).hasSize(2);
    }

    @Test
    void anAsyncRunHoldsItsSlotUntilItsStageCompletes() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        h.route(Schedule.every(TEN).name("async").asyncHandler(ctx -> {
            h.started.add(ctx);
            return ctx.runNumber() == 1 ? first : CompletableFuture.failedFuture(new IllegalStateException("async boom"));
        }));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        h.advance(TEN);
        assertThat(h.skips("async", "overlap")).isEqualTo(1.0);
        first.complete(null);
        h.awaitRuns("async", "success", 1);
        h.advance(TEN);
        h.awaitRuns("async", "error", 1);
    }

    @Test
    void underRacingCompletionsWaitNeverExceedsMaxConcurrencyAndEveryDueRunIsStartedOrSkipped() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        h.route(Schedule.every(TEN).name("race").maxConcurrency(3).overlap(Overlap.WAIT).handler(h.recording(ctx -> {
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            long until = System.nanoTime() + java.util.concurrent.ThreadLocalRandom.current().nextLong(20_000, 200_000);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();                                 // work of a random length, racing the timer
            }
            active.decrementAndGet();
        })));
        h.app.start();
        int due = 2_000;
        for (int i = 0; i < due; i++) {
            h.advance(TEN);
        }
        eventually().until(() -> h.runs("race", "success") + h.skips("race", "overlap") == due);
        assertThat(peak.get()).isBetween(1, 3);
        assertThat(h.started).hasSize((int) h.runs("race", "success"));
        assertThat(h.started).extracting(TaskContext::runNumber).doesNotHaveDuplicates();
    }
}
