package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Liveness: the app's timer runs its heartbeat and every watched event loop answers it. */
class LivenessTest {
    private final HeldTimer timer = new HeldTimer();
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2)); // a context per loop
    private final Liveness liveness = new Liveness(timer);

    @AfterEach
    void close() throws Exception {
        liveness.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A context on an event loop of its own: Vert.x gives each outside thread one context, round-robin over the loops. */
    private Context newLoop() throws Exception {
        CompletableFuture<Context> context = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> context.complete(vertx.getOrCreateContext())).join();
        return context.get();
    }

    @Test
    void isLiveWhileTheTimerRunsItsHeartbeatAndTheLoopsAnswer() throws Exception {
        liveness.watch(newLoop());
        liveness.start();
        for (int second = 0; second < 30; second++) {
            timer.advance(Liveness.INTERVAL);
            timer.runHeld();
            await().atMost(Duration.ofSeconds(5)).until(() -> liveness.problems().isEmpty());
        }
    }

    @Test
    void aStuckTimerIsNamedOnceItsHeartbeatIsOlderThanTheLimit() throws Exception {
        liveness.watch(newLoop());
        liveness.start();
        timer.advance(Liveness.STALE_AFTER);
        assertThat(liveness.problems()).isEmpty();

        timer.advance(Duration.ofMillis(1));
        assertThat(liveness.problems()).containsExactly(
                "the app's timer has not run its heartbeat for 10001 ms (limit 10000 ms)",
                "HTTP event loop 1 of 1 has not answered the heartbeat for 10001 ms (limit 10000 ms)");

        timer.runHeld();
        await().atMost(Duration.ofSeconds(5)).until(() -> liveness.problems().isEmpty());
    }

    @Test
    void aBlockedEventLoopIsNamedWhileTheTimerRuns() throws Exception {
        Context free = newLoop();
        Context blocked = newLoop();
        liveness.watch(free);
        liveness.watch(blocked);
        liveness.start();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        blocked.runOnContext(v -> {
            holding.countDown();
            awaitQuietly(release);
        });
        holding.await();
        try {
            timer.advance(Duration.ofSeconds(11));
            timer.runHeld();
            await().atMost(Duration.ofSeconds(5)).until(() -> liveness.problems().size() == 1);
            assertThat(liveness.problems().getFirst())
                    .startsWith("HTTP event loop 2 of 2 has not answered the heartbeat for 11000 ms");
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> liveness.problems().isEmpty());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
