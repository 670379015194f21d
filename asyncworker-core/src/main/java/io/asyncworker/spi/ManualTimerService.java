package io.asyncworker.spi;

import io.asyncworker.internal.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link TimerService} whose time moves only when a test calls {@link #advance(Duration)}, like
 * Micrometer's {@code MockClock}. Due tasks run on the thread that advances, in due order;
 * tasks scheduled by a running task run in the same advance when they fall due within it.
 *
 * <p>Thread-safe.
 */
public final class ManualTimerService implements TimerService {
    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq));
    private Instant wallStart;
    private long nanos;
    private long seq;

    /**
     * A timer starting at the given wall-clock instant.
     *
     * @param start the wall-clock time {@code now()} returns at first
     */
    public ManualTimerService(Instant start) {
        this.wallStart = Objects.requireNonNull(start, "start");
    }

    /** A timer starting at 2026-01-01T00:00:00Z. */
    public ManualTimerService() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return wallStart.plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long due = Durations.saturatedAdd(nanos, Durations.nanosOf(delay));
        Task t = new Task(due, seq++, task);
        tasks.add(t);
        return () -> cancel(t);
    }

    private synchronized void cancel(Task t) {
        tasks.remove(t);
    }

    /**
     * Moves time forward and runs every task that falls due, in order.
     *
     * @param by how far to move; zero or positive
     */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = nanos + by.toNanos();
        }
        Task next;
        while ((next = pollDue(target)) != null) {
            next.task().run();
        }
        synchronized (this) {
            nanos = target;
        }
    }

    private synchronized Task pollDue(long target) {
        Task head = tasks.peek();
        if (head == null || head.due() > target) {
            return null;
        }
        tasks.poll();
        nanos = Math.max(nanos, head.due());
        return head;
    }

    /** {@return how many tasks wait to run} */
    public synchronized int pending() {
        return tasks.size();
    }

    /** {@return the delays of the waiting tasks from now, soonest first} */
    public synchronized List<Duration> pendingDelays() {
        List<Duration> out = new ArrayList<>();
        tasks.stream().sorted(tasks.comparator()).forEach(t -> out.add(Duration.ofNanos(t.due() - nanos)));
        return out;
    }

    @Override
    public synchronized void close() {
        tasks.clear();
    }

    private record Task(long due, long seq, Runnable task) {
    }
}
