package io.asyncworker.scheduler;

import io.asyncworker.App;
import java.time.Instant;

/**
 * What a run of a recurring task knows about itself.
 *
 * <p>An immutable value, one per run; safe to hand to other threads.
 */
public interface TaskContext {

    /** {@return the app that runs the schedule; its state is frozen and readable with {@link App#get}} */
    App app();

    /** {@return the schedule's route name, as in logs and the {@code schedule} metrics tag} */
    String scheduleName();

    /**
     * When this run was due: a cron fire time, a point of the fixed-rate grid, or the end of the
     * previous run plus the fixed delay. The run itself starts at or shortly after it.
     *
     * <p>Cron times are wall-clock instants. Interval times are measured with the timer's
     * monotonic clock from start and expressed as instants, so they equal the wall clock unless it
     * was stepped since the app started.
     *
     * @return the time this run was due
     */
    Instant scheduledTime();

    /** {@return this run's number within the schedule, from 1; skipped runs take no number} */
    long runNumber();
}
