package io.asyncworker.scheduler.internal;

import io.asyncworker.spi.TimerService;
import java.time.Instant;

/**
 * The time a schedule's due times live in: the wall clock for cron, elapsed time (the timer's
 * monotonic clock, expressed as instants from the moment of creation) for intervals, so that a
 * wall-clock step does not stretch or shrink an interval. Thread-safe.
 */
interface Timeline {

    /** The current time on this timeline. */
    Instant now();

    /** The timeline a trigger needs. */
    static Timeline of(Trigger trigger, TimerService timer) {
        if (trigger.wallClock()) {
            return timer::now;
        }
        Instant wallAnchor = timer.now();
        long nanoAnchor = timer.nanoTime();
        return () -> wallAnchor.plusNanos(timer.nanoTime() - nanoAnchor);
    }
}
