package io.asyncworker.http.internal;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A timer whose thread can be stuck: its clock moves when a test says so, and the tasks it was
 * given wait until the test lets them run ({@link #runHeld()}), as if the timer thread were
 * blocked meanwhile. Thread-safe.
 */
public final class HeldTimer implements TimerService {
    private final List<Runnable> held = new ArrayList<>();
    private long nanos;

    @Override
    public synchronized Instant now() {
        return Instant.parse("2026-01-01T00:00:00Z").plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        held.add(task);
        return () -> {
            synchronized (this) {
                held.remove(task);
            }
        };
    }

    /** Moves the clock; no task runs. */
    public synchronized void advance(Duration by) {
        nanos += by.toNanos();
    }

    /** Runs every task waiting now, whatever its delay (tasks they schedule wait for the next call). */
    public void runHeld() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(held);
            held.clear();
        }
        now.forEach(Runnable::run);
    }

    @Override
    public void close() {
    }
}
