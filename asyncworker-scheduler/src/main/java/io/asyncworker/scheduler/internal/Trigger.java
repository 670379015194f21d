package io.asyncworker.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a schedule's runs fall due: pure functions over instants, unit-tested without a timer.
 * Immutable and thread-safe.
 */
public sealed interface Trigger permits FixedRate, FixedDelay, CronTrigger, AlignedRate {

    /** The initial delay when none is set: one period for intervals, none for cron. */
    Duration defaultInitialDelay();

    /** The first due time at or after {@code t}; empty when the trigger never fires. */
    Optional<Instant> firstAtOrAfter(Instant t);

    /**
     * The due time after the run due at {@code previous}, asked at {@code now}. Due times that
     * already passed are not returned: the result is at or after {@code now} and says how many
     * due times were passed over (a stalled machine gets one run, not a burst). For a fixed
     * delay, {@code now} is the end of the previous run.
     *
     * @return empty when the trigger never fires again
     */
    Optional<NextFire> next(Instant previous, Instant now);

    /** Whether the next run is timed from the end of the previous one (fixed delay). */
    boolean fromCompletion();

    /** Whether due times follow the wall clock (cron) rather than elapsed time (intervals). */
    boolean wallClock();

    /** A short description, e.g. {@code every PT30S}. */
    String describe();

    /**
     * A due time and how many earlier due times were passed over to reach it.
     *
     * @param due    the next due time
     * @param missed due times between the previous run and {@code due} that already passed
     */
    record NextFire(Instant due, long missed) {
    }
}
