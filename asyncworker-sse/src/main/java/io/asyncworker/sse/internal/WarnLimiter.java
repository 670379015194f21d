package io.asyncworker.sse.internal;

import io.asyncworker.spi.TimerService;
import java.time.Duration;

/**
 * Lets one warning through per window and counts the ones it holds back, so that a stream that
 * fails hundreds of times a second logs one line per window saying how many it did not log.
 *
 * <p>Confined to one thread (the stream's context); time comes from the injected {@link TimerService}.
 */
final class WarnLimiter {
    /** The default window: one warning per stream per 10 s. */
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final TimerService timer;
    private final long windowNanos;
    private boolean started;
    private long windowStart;
    private int heldBack;

    WarnLimiter(TimerService timer, Duration window) {
        this.timer = timer;
        this.windowNanos = window.toNanos();
    }

    /**
     * Asks to log a warning now.
     *
     * @return how many were held back since the last one let through, or -1 when this one must be
     *         held back too
     */
    int admit() {
        long now = timer.nanoTime();
        if (started && now - windowStart < windowNanos) {
            heldBack++;
            return -1;
        }
        started = true;
        windowStart = now;
        int held = heldBack;
        heldBack = 0;
        return held;
    }
}
