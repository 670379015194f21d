package io.asyncworker.scheduler;

import static io.asyncworker.scheduler.Harness.T0;
import static io.asyncworker.scheduler.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.ComponentHealth;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StopTest {
    private static final Duration TEN = Duration.ofSeconds(10);
    private final CountDownLatch release = new CountDownLatch(1);
    private Harness h;

    @AfterEach
    void close() {
        release.countDown();
        h.close();
    }

    @Test
    void stopCancelsTimersAtOnceAndAwaitsTheRunningTask() throws Exception {
        h = new Harness(T0, "10s");
        h.route(Schedule.every(TEN).name("inflight").handler(h.recording(ctx -> release.await())));
        h.app.start();
        assertThat(h.health("inflight").state()).isEqualTo(ComponentHealth.State.UP);
        h.advance(TEN);
        h.awaitStarted(1);
        Thread stopper = Thread.ofVirtual().start(h.app::stop);
        eventually().until(() -> h.health("inflight").state() == ComponentHealth.State.STOPPED);
        assertThat(h.manual.pending()).isZero();
        h.advance(Duration.ofMinutes(1));
        assertThat(stopper.isAlive()).isTrue(); // still waiting for the run
        release.countDown();
        assertThat(stopper.join(Duration.ofSeconds(5))).isTrue();
        assertThat(h.runs("inflight", "success")).isEqualTo(1.0);
        assertThat(h.started).hasSize(1);
    }

    @Test
    void stopWhileOnlyWaitingForTheNextDueTimeReturnsAtOnceWhateverTheBudget() {
        h = new Harness(T0, "30s");
        h.route(Schedule.every(TEN).name("idle").handler(h.recording(ctx -> { })));
        h.route(Schedule.cron("0 0 3 * * *", java.time.ZoneId.of("Europe/Berlin")).name("nightly")
                .handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(h.manual.pending()).isEqualTo(2);
        long start = System.nanoTime();
        h.app.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(h.manual.pending()).isZero();
        h.advance(Duration.ofDays(1));
        assertThat(h.started).isEmpty();
    }

    @Test
    void aRunOutlivingTheBudgetIsInterruptedAndCounted() throws Exception {
        h = new Harness(T0, "200ms");
        CountDownLatch interrupted = new CountDownLatch(1);
        h.route(Schedule.every(TEN).name("stuck").handler(h.recording(ctx -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        })));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        long start = System.nanoTime();
        h.app.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(interrupted.getCount()).as("interrupted before stop() returned").isZero();
        assertThat(h.runs("stuck", "interrupted")).as("counted before the shutdown hooks").isEqualTo(1.0);
        assertThat(h.runs("stuck", "error")).isZero();
    }

    @Test
    void aRunIgnoringTheInterruptHoldsTheStopOnlyForTheGraceThenIsLeftBehind() throws Exception {
        h = new Harness(T0, "100ms");
        h.route(Schedule.every(TEN).name("deaf").handler(h.recording(ctx -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a task that swallows interrupts
                }
            }
        })));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        long start = System.nanoTime();
        h.app.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1_000), Duration.ofSeconds(5));
        assertThat(h.runs("deaf", "interrupted")).isZero();
        release.countDown();
        h.awaitRuns("deaf", "success", 1);
    }

    @Test
    void aWaitingRunIsDroppedByTheStop() throws Exception {
        h = new Harness(T0, "10s");
        h.route(Schedule.every(TEN).name("queued").overlap(Overlap.WAIT).handler(h.recording(ctx -> release.await())));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        h.advance(TEN); // waits behind run 1
        Thread stopper = Thread.ofVirtual().start(h.app::stop);
        eventually().until(() -> h.skips("queued", "stopped") == 1.0);
        release.countDown();
        assertThat(stopper.join(Duration.ofSeconds(5))).isTrue();
        assertThat(h.started).hasSize(1);
        assertThat(h.runs("queued", "success")).isEqualTo(1.0);
    }

    @Test
    void fixedDelayStartsNoRunAfterTheStopEvenWhenTheLastRunEndsDuringIt() throws Exception {
        h = new Harness(T0, "10s");
        h.route(Schedule.fixedDelay(TEN).name("chain").handler(h.recording(ctx -> release.await())));
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(1);
        Thread stopper = Thread.ofVirtual().start(h.app::stop);
        eventually().until(() -> h.health("chain").state() == ComponentHealth.State.STOPPED);
        release.countDown();
        assertThat(stopper.join(Duration.ofSeconds(5))).isTrue();
        assertThat(h.manual.pending()).isZero();
    }
}
