package io.asyncworker.scheduler;

import static io.asyncworker.scheduler.Harness.T0;
import static io.asyncworker.scheduler.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.ManualTimerService;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntervalScheduleTest {
    private static final Duration TEN = Duration.ofSeconds(10);
    private Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void fixedRateKeepsItsGridWhenARunTakesLong() {
        CountDownLatch release = new CountDownLatch(1);
        h.route(Schedule.every(TEN).name("rate").handler(h.recording(ctx -> {
            if (ctx.runNumber() == 1) {
                release.await();
            }
        })));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        h.advance(Duration.ofSeconds(5));
        release.countDown();
        h.awaitRuns("rate", "success", 1);
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofSeconds(5));
        h.advance(Duration.ofSeconds(5));
        h.awaitStarted(2);
        assertThat(h.scheduledTimes()).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(h.started).extracting(TaskContext::runNumber).containsExactly(1L, 2L);
    }

    @Test
    void fixedDelayTimesTheNextRunFromTheEndOfTheLast() {
        CountDownLatch release = new CountDownLatch(1);
        h.route(Schedule.fixedDelay(TEN).name("delay").handler(h.recording(ctx -> {
            if (ctx.runNumber() == 1) {
                release.await();
            }
        })));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        assertThat(h.manual.pending()).isZero();
        h.advance(Duration.ofSeconds(5));
        release.countDown();
        eventually().until(() -> h.manual.pendingDelays().equals(List.of(TEN)));
        h.advance(Duration.ofSeconds(5));
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofSeconds(5));
        h.advance(Duration.ofSeconds(5));
        h.awaitStarted(2);
        assertThat(h.scheduledTimes()).containsExactly(T0.plusSeconds(10), T0.plusSeconds(25));
    }

    @Test
    void runOnStartupFiresOnceAtStartThenFollowsTheSchedule() {
        h.route(Schedule.every(Duration.ofHours(1)).name("warm").runOnStartup(true).handler(h.recording(ctx -> { })));
        h.app.start();
        h.awaitStarted(1);
        assertThat(h.started.get(0).scheduledTime()).isEqualTo(T0);
        assertThat(h.started.get(0).scheduleName()).isEqualTo("warm");
        assertThat(h.started.get(0).app()).isSameAs(h.app);
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofHours(1));
        h.awaitRuns("warm", "success", 1);
        h.advance(Duration.ofHours(1));
        h.awaitStarted(2);
        assertThat(h.scheduledTimes()).containsExactly(T0, T0.plus(Duration.ofHours(1)));
    }

    @Test
    void withoutRunOnStartupTheFirstRunIsOnePeriodAfterStart() {
        h.route(Schedule.every(Duration.ofHours(1)).name("lazy").handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofHours(1));
        assertThat(h.started).isEmpty();
    }

    @Test
    void runOnStartupWithZeroInitialDelayRunsOnlyOnceAtStart() {
        h.route(Schedule.every(Duration.ofHours(1)).name("once").initialDelay(Duration.ZERO).runOnStartup(true)
                .handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ZERO);
        h.advance(Duration.ZERO);
        h.awaitRuns("once", "success", 1);
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofHours(1));
        assertThat(h.scheduledTimes()).containsExactly(T0);
    }

    @Test
    void initialDelayPlacesTheFirstRunAndTheGridFollowsIt() {
        h.route(Schedule.every(TEN).name("offset").initialDelay(Duration.ofSeconds(3)).handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofSeconds(3));
        h.advance(Duration.ofSeconds(2));
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofSeconds(1));
        h.advance(Duration.ofSeconds(1));
        h.awaitRuns("offset", "success", 1);
        h.advance(TEN);
        h.awaitStarted(2);
        assertThat(h.scheduledTimes()).containsExactly(T0.plusSeconds(3), T0.plusSeconds(13));
    }

    @Test
    void aStallFiresOnceAndRealignsInsteadOfBursting() {
        ManualTimerService manual = new ManualTimerService(T0);
        SkewedTimer skewed = new SkewedTimer(manual);
        h.close();
        h = new Harness(manual, skewed, "5s");
        h.route(Schedule.every(TEN).name("stall").handler(h.recording(ctx -> { })));
        h.app.start();
        h.advance(TEN);
        h.awaitRuns("stall", "success", 1);
        skewed.skew = Duration.ofSeconds(35); // the machine froze for 35 s before the timer could fire
        h.advance(TEN);
        h.awaitRuns("stall", "success", 2);
        assertThat(h.scheduledTimes()).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(h.skips("stall", "missed")).isEqualTo(3.0); // 30, 40 and 50 passed while frozen
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofSeconds(5)); // next on the grid: 60
        assertThat(h.lateness("stall").max(java.util.concurrent.TimeUnit.SECONDS)).isGreaterThanOrEqualTo(35.0);
    }

    @Test
    void aFailingRunIsCountedAndTheScheduleGoesOn() {
        h.route(Schedule.every(TEN).name("flaky").handler(h.recording(ctx -> {
            if (ctx.runNumber() == 1) {
                throw new IllegalStateException("boom");
            }
        })));
        h.app.start();
        h.advance(TEN);
        h.awaitRuns("flaky", "error", 1);
        h.advance(TEN);
        h.awaitRuns("flaky", "success", 1);
        assertThat(h.runs("flaky", "error")).isEqualTo(1.0);
        assertThat(h.started).hasSize(2);
        assertThat(h.health("flaky").isUp()).isTrue();
        assertThat(h.health("flaky").detail()).contains(T0.plusSeconds(30).toString());
    }

    @Test
    void anAsyncHandlerReturningNullFailsTheRunNamingItInsteadOfAnAnonymousNullPointer() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("io.asyncworker.scheduler.internal.ScheduledRun");
        var log = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        log.start();
        logger.addAppender(log);
        try {
            h.route(Schedule.every(TEN).name("nullstage").asyncHandler(ctx -> ctx.runNumber() == 1 ? null
                    : java.util.concurrent.CompletableFuture.completedFuture(null)));
            h.app.start();
            h.advance(TEN);
            h.awaitRuns("nullstage", "error", 1);
            assertThat(log.list).anySatisfy(e -> assertThat(e.getThrowableProxy().getMessage())
                    .isEqualTo("the asyncHandler of schedule 'nullstage' returned null instead of a CompletionStage"));
            h.advance(TEN);
            h.awaitRuns("nullstage", "success", 1);
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void fixedDelaySkipsItsRunWhileTheStartupRunIsActiveAndTriesAgainOneDelayLater() {
        CountDownLatch release = new CountDownLatch(1);
        h.route(Schedule.fixedDelay(TEN).name("warm-chain").runOnStartup(true).handler(h.recording(ctx -> {
            if (ctx.runNumber() == 1) {
                release.await();
            }
        })));
        h.app.start();
        h.awaitStarted(1);
        h.advance(TEN); // the chain's first run is due while the startup run holds the only slot
        assertThat(h.skips("warm-chain", "overlap")).isEqualTo(1.0);
        assertThat(h.manual.pendingDelays()).containsExactly(TEN);
        release.countDown();
        h.awaitRuns("warm-chain", "success", 1);
        assertThat(h.manual.pendingDelays()).containsExactly(TEN); // the startup run does not time the chain
        h.advance(TEN);
        h.awaitStarted(2);
        assertThat(h.scheduledTimes()).containsExactly(T0, T0.plusSeconds(20));
    }

    /** A timer whose clocks can jump ahead of its tasks, as when a machine stalls. */
    private static final class SkewedTimer implements TimerService {
        private final ManualTimerService manual;
        volatile Duration skew = Duration.ZERO;

        SkewedTimer(ManualTimerService manual) {
            this.manual = manual;
        }

        @Override
        public Instant now() {
            return manual.now().plus(skew);
        }

        @Override
        public long nanoTime() {
            return manual.nanoTime() + skew.toNanos();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            return manual.schedule(delay, task);
        }

        @Override
        public void close() {
            manual.close();
        }
    }
}
