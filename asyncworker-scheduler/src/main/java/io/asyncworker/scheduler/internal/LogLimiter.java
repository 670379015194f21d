package io.asyncworker.scheduler.internal;

import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Lets one log line of a kind through per window and counts the ones it holds back, so that a
 * schedule skipping a run every few milliseconds writes one line a second, not hundreds. Timed by
 * the app's {@link TimerService}. One per schedule and kind of line, so that one schedule never
 * hides another's lines; thread-safe.
 */
final class LogLimiter {
    private final TimerService timer;
    private final long windowNanos;
    private boolean started;
    private long windowStart;
    private long suppressed;

    LogLimiter(TimerService timer, Duration window) {
        this.timer = timer;
        this.windowNanos = window.toNanos();
    }

    /**
     * Whether a line may be written now.
     *
     * @return the number of lines held back since the last one written, when this one may be
     *         written; empty when it must be held back (it is counted)
     */
    synchronized OptionalLong tryAcquire() {
        long now = timer.nanoTime();
        if (started && now - windowStart < windowNanos) {
            suppressed++;
            return OptionalLong.empty();
        }
        started = true;
        windowStart = now;
        long held = suppressed;
        suppressed = 0;
        return OptionalLong.of(held);
    }

    /** The suffix that reports held-back lines, empty when there were none. */
    static String heldBack(long count) {
        return count == 0 ? "" : " (" + count + " similar messages held back in the last window)";
    }
}
