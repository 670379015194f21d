package io.asyncworker.spi;

import io.asyncworker.internal.SystemTimerService;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock and timer behind every timing rule (flush timeouts, backoff, schedules), injectable
 * so that tests drive time with {@link ManualTimerService} instead of sleeping.
 *
 * <p>Thread-safe. Scheduled tasks run on the timer's own thread and must not block: they hand
 * work to other threads.
 */
public interface TimerService extends AutoCloseable {

    /** {@return the real-time timer, with one daemon platform thread} */
    static TimerService system() {
        return new SystemTimerService();
    }

    /** {@return the wall-clock time, for calendar rules such as cron} */
    Instant now();

    /** {@return a monotonic time in nanoseconds, for measuring elapsed time} */
    long nanoTime();

    /**
     * Runs a task once after a delay.
     *
     * @param delay zero or positive
     * @param task  a short, non-blocking task
     * @return a handle that cancels the task
     */
    Cancellable schedule(Duration delay, Runnable task);

    /** Stops the timer; pending tasks are dropped. */
    @Override
    void close();
}
