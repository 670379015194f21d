package io.asyncworker.http.internal;

import io.asyncworker.spi.TimerService;
import java.time.Duration;

/**
 * Lets one log line through per interval for a repeating event, counting the rest, so that a
 * flood of hostile connections cannot flood the log. Thread-safe.
 */
final class RateLimitedLog {
    private final TimerService timer;
    private final long intervalNanos;
    private boolean loggedBefore;
    private long lastLogged;
    private long held;

    RateLimitedLog(TimerService timer, Duration interval) {
        this.timer = timer;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Counts one event; returns how many events to report now (this one and those held back since
     * the last report), or {@code 0} when the line must be held back.
     */
    synchronized long event() {
        held++;
        long now = timer.nanoTime();
        if (loggedBefore && now - lastLogged < intervalNanos) {
            return 0;
        }
        loggedBefore = true;
        lastLogged = now;
        long report = held;
        held = 0;
        return report;
    }
}
