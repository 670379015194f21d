package io.asyncworker.internal;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real time, one daemon platform thread; cancelled tasks are removed at once. */
public final class SystemTimerService implements TimerService {
    private static final Logger LOG = LoggerFactory.getLogger(SystemTimerService.class);
    private final ScheduledExecutorService executor;

    /** Starts the timer thread. */
    public SystemTimerService() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "asyncworker-timer");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = Executors.unconfigurableScheduledExecutorService(pool);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(() -> runSafely(task), Durations.nanosOf(delay), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("timer task failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
