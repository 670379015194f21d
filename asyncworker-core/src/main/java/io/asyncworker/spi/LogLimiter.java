package io.asyncworker.spi;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Lets one log line of a kind through per window and counts the ones it holds back, so that
 * 10,000 schedules running late after a stall, or a stream that fails hundreds of times a second,
 * write one line per window, not thousands. Timed by the app's {@link TimerService}.
 *
 * <pre>{@code
 * OptionalLong held = limiter.tryAcquire();
 * if (held.isPresent()) {
 *     LOG.warn("stream lost{}", LogLimiter.heldBack(held.getAsLong()));
 * }
 * }</pre>
 *
 * <p>Thread-safe; one instance may be shared by every schedule of an app, or owned by one stream.
 */
public final class LogLimiter {
    private final TimerService timer;
    private final long windowNanos;
    private boolean started;
    private long windowStart;
    private long suppressed;

    /**
     * @param timer  the clock of the windows
     * @param window how long after a line is let through the next ones are held back
     */
    public LogLimiter(TimerService timer, Duration window) {
        this.timer = timer;
        this.windowNanos = window.toNanos();
    }

    /**
     * Whether a line may be written now.
     *
     * @return the number of lines held back since the last one written, when this one may be
     *         written; empty when it must be held back (it is counted)
     */
    public synchronized OptionalLong tryAcquire() {
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
    public static String heldBack(long count) {
        return count == 0 ? "" : " (" + count + " similar messages held back in the last window)";
    }
}
