package io.asyncworker.http.internal;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.TimerService;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether the process is stuck, for {@code /health/live}. Every {@link #INTERVAL} the app's timer
 * ({@code BackendContext.timer()}, which also drives flush timeouts, backoff and schedules) runs
 * a heartbeat that notes the time and asks every event loop of the HTTP server to note it too.
 * The process is live while the timer's last heartbeat and every loop's last answer are at most
 * {@link #STALE_AFTER} old: a blocked or dead timer thread, or an event loop held by blocking code,
 * turns it not live. (A request to the probe also shows that an event loop accepts and a virtual
 * thread runs.) Thread-safe.
 */
final class Liveness {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private final TimerService timer;
    private final List<Loop> loops = new CopyOnWriteArrayList<>();
    private volatile long timerBeat;
    private volatile boolean stopped;
    private volatile Cancellable next = () -> { };

    /** An event loop and when it last answered. */
    private static final class Loop {
        private final Context context;
        private volatile long beat;

        private Loop(Context context, long beat) {
            this.context = context;
            this.beat = beat;
        }
    }

    Liveness(TimerService timer) {
        this.timer = timer;
        this.timerBeat = timer.nanoTime();
    }

    /** Watches one more event loop (the context of a server instance), as if it answered now. */
    void watch(Context loop) {
        loops.add(new Loop(loop, timer.nanoTime()));
    }

    /** Counts from now and starts the heartbeat. */
    void start() {
        long now = timer.nanoTime();
        timerBeat = now;
        loops.forEach(loop -> loop.beat = now);
        next = timer.schedule(INTERVAL, this::beat);
    }

    /** Stops the heartbeat. */
    void stop() {
        stopped = true;
        next.cancel();
    }

    private void beat() {
        if (stopped) {
            return;
        }
        timerBeat = timer.nanoTime();
        try {
            loops.forEach(loop -> loop.context.runOnContext(v -> loop.beat = timer.nanoTime()));
        } catch (RejectedExecutionException closing) {
            return; // Vert.x is closing: the server stops anyway
        }
        next = timer.schedule(INTERVAL, this::beat);
    }

    /** Why the process is not live; empty when it is. */
    List<String> problems() {
        long now = timer.nanoTime();
        List<String> problems = new ArrayList<>();
        stale(now - timerBeat).ifPresent(age -> problems.add("the app's timer has not run its heartbeat for " + age));
        for (int i = 0; i < loops.size(); i++) {
            int number = i + 1;
            stale(now - loops.get(i).beat).ifPresent(age -> problems.add("HTTP event loop " + number + " of "
                    + loops.size() + " has not answered the heartbeat for " + age));
        }
        return problems;
    }

    private static Optional<String> stale(long ageNanos) {
        if (ageNanos <= STALE_AFTER.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(ageNanos).toMillis() + " ms (limit " + STALE_AFTER.toMillis() + " ms)");
    }
}
