package io.asyncworker.sse.internal;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.TimerService;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Detects a silent stream: when no byte arrived for the read-idle timeout, it reports the
 * connection attempt as idle. One timer at a time, re-armed for the remaining time instead of per
 * chunk, so reading costs one clock read per chunk. Time spent paused by flow control is not idle.
 *
 * <p>Confined to the stream's Vert.x context; the timer hops onto it.
 */
final class IdleWatchdog {
    private final TimerService timer;
    private final Context context;
    private final Duration limit;
    private final BooleanSupplier paused;
    private final IntConsumer onIdle;
    private long lastReadNanos;
    private Cancellable pending;
    private int generation = -1;

    /**
     * @param paused whether reading is paused on purpose right now
     * @param onIdle called on the context with the attempt's generation when it fell silent
     */
    IdleWatchdog(TimerService timer, Context context, Duration limit, BooleanSupplier paused, IntConsumer onIdle) {
        this.timer = timer;
        this.context = context;
        this.limit = limit;
        this.paused = paused;
        this.onIdle = onIdle;
    }

    /** Starts watching a new connection attempt. */
    void start(int gen) {
        generation = gen;
        lastReadNanos = timer.nanoTime();
        arm(limit);
    }

    /** Bytes arrived. */
    void read() {
        lastReadNanos = timer.nanoTime();
    }

    /** Stops watching. */
    void stop() {
        generation = -1;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void arm(Duration delay) {
        if (pending != null) {
            pending.cancel();
        }
        int gen = generation;
        pending = timer.schedule(delay, () -> context.runOnContext(v -> check(gen)));
    }

    private void check(int gen) {
        if (gen != generation) {
            return;
        }
        long now = timer.nanoTime();
        if (paused.getAsBoolean()) {
            lastReadNanos = now;
        }
        long idle = now - lastReadNanos;
        if (idle >= limit.toNanos()) {
            pending = null;
            onIdle.accept(gen);
        } else {
            arm(Duration.ofNanos(limit.toNanos() - idle));
        }
    }
}
