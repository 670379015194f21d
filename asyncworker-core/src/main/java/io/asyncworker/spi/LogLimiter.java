package io.asyncworker.spi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Lets one log line per key through per window and counts the ones it holds back, so that a
 * poison message failing 2,000 times a second writes one stack trace per window, not 2,000. Timed
 * by the given {@link TimerService}, so tests drive it. Keeps at most {@value #MAX_KEYS} keys (the
 * least recently used go first). Thread-safe.
 *
 * <pre>{@code
 * limiter.tryAcquire(e.getClass().getName()).ifPresent(held ->
 *         LOG.error("route '{}' failed{}", route, LogLimiter.heldBack(held), e));
 * }</pre>
 */
public final class LogLimiter {
    /** The most keys remembered. */
    public static final int MAX_KEYS = 256;
    private final TimerService timer;
    private final long windowNanos;
    private final Map<String, long[]> windows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_KEYS;
        }
    };

    private LogLimiter(TimerService timer, Duration window) {
        this.timer = timer;
        this.windowNanos = window.toNanos();
    }

    /**
     * One line per key per {@code window}.
     *
     * @param window the least time between two lines of one key
     * @param timer the clock to measure the window with
     * @return a new limiter
     */
    public static LogLimiter every(Duration window, TimerService timer) {
        return new LogLimiter(Objects.requireNonNull(timer, "timer"), Checks.positive("window", window));
    }

    /**
     * {@link #tryAcquire(String)} for a limiter with one kind of line.
     *
     * @return as {@link #tryAcquire(String)}
     */
    public OptionalLong tryAcquire() {
        return tryAcquire("");
    }

    /**
     * Whether a line of this key may be written now.
     *
     * @param key the kind of line, e.g. a queue's name
     * @return the number of lines of the key held back since the last one written, when this one
     *         may be written; empty when it must be held back (it is counted)
     */
    public synchronized OptionalLong tryAcquire(String key) {
        long now = timer.nanoTime();
        long[] w = windows.get(key); // {window start, held back}
        if (w != null && now - w[0] < windowNanos) {
            w[1]++;
            return OptionalLong.empty();
        }
        long held = w == null ? 0 : w[1];
        windows.put(key, new long[] {now, 0});
        return OptionalLong.of(held);
    }

    /**
     * The suffix that reports held-back lines, empty when there were none.
     *
     * @param count the number of lines held back, from {@link #tryAcquire(String)}
     * @return the suffix to append to the line, starting with a space
     */
    public static String heldBack(long count) {
        return count == 0 ? "" : " (" + count + " similar messages held back since the last one)";
    }
}
