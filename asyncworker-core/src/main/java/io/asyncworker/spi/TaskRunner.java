package io.asyncworker.spi;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs user code on virtual threads, each task on a fresh one, at most {@code maxConcurrency} at
 * once with the rest waiting in submission order (so a bound of 1 runs tasks strictly one after
 * another), and stops gracefully: wait for the tasks within a budget, then give up the waiting
 * ones, interrupt the running ones and give them a short grace. Batches, schedule runs and HTTP
 * handlers all run on one of these.
 *
 * <p>Thread-safe; {@link #submit} never blocks, and an unbounded runner takes no lock on a task's
 * way in or out (only when it becomes idle). The waiting queue is guarded by a {@link ReentrantLock},
 * not a monitor: task threads are virtual, and a virtual thread that finds a monitor taken is woken
 * through the JDK's unblocker thread (or pins its carrier before JDK 24).
 */
public final class TaskRunner {
    private final int maxConcurrency;
    private final ThreadFactory threads;
    /** Tasks running now, with their threads. */
    private final Map<Task, Thread> running = new ConcurrentHashMap<>();
    /** Tasks waiting for a slot; only a bounded runner has any. Guarded by {@link #lock}. */
    private final ArrayDeque<Task> pending = new ArrayDeque<>();
    /** Running plus waiting tasks. */
    private final AtomicInteger active = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /** A unit of work that can also be given up. */
    public interface Task {
        /** Does the work; called once, on the task's own virtual thread. */
        void run();

        /**
         * The stop gave the task up: it never ran, or it is about to be interrupted because it
         * outlived the budget. Called at most once, on the stopping thread; by default nothing.
         */
        default void abandon() {
        }
    }

    /**
     * How a stop went.
     *
     * @param idle whether every task ended within the budget
     * @param abandoned how many tasks were given up, waiting and running ones
     * @param interrupted how many running tasks were interrupted
     * @param ignoringInterrupt the names of the threads still alive after the grace
     */
    public record Stopped(boolean idle, int abandoned, int interrupted, List<String> ignoringInterrupt) {
    }

    private TaskRunner(int maxConcurrency, ThreadFactory threads) {
        this.maxConcurrency = maxConcurrency;
        this.threads = threads;
    }

    /**
     * A runner on virtual threads.
     *
     * @param threadName     the threads' name (a fixed name: numbering costs on hot paths)
     * @param maxConcurrency at least 1; {@link Integer#MAX_VALUE} for no bound
     * @return a new runner
     * @throws IllegalArgumentException when the name is blank or {@code maxConcurrency} is below 1
     */
    public static TaskRunner virtual(String threadName, int maxConcurrency) {
        Checks.notBlank("threadName", threadName);
        return new TaskRunner(Checks.atLeast("maxConcurrency", maxConcurrency, 1),
                Thread.ofVirtual().name(threadName).factory());
    }

    /**
     * A runner on threads of the given factory, e.g. for tests.
     *
     * @param threads makes one thread per task
     * @param maxConcurrency at least 1; {@link Integer#MAX_VALUE} for no bound
     * @return a new runner
     */
    public static TaskRunner of(ThreadFactory threads, int maxConcurrency) {
        return new TaskRunner(Checks.atLeast("maxConcurrency", maxConcurrency, 1), Objects.requireNonNull(threads, "threads"));
    }

    /**
     * Starts the task now if a slot is free, else queues it.
     *
     * @param task the task
     * @throws RuntimeException when no thread can be started (the task is not queued then)
     */
    public void submit(Task task) {
        Objects.requireNonNull(task, "task");
        active.incrementAndGet();
        try {
            if (maxConcurrency == Integer.MAX_VALUE) {
                start(task); // unbounded: no lock on the way in
            } else {
                submitBounded(task);
            }
        } catch (RuntimeException | Error e) {
            ended();
            throw e;
        }
    }

    private void submitBounded(Task task) {
        lock.lock();
        try {
            if (running.size() < maxConcurrency) {
                start(task);
            } else {
                pending.add(task);
            }
        } finally {
            lock.unlock();
        }
    }

    private void start(Task task) {
        Thread thread = threads.newThread(() -> runThenNext(task));
        running.put(task, thread);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            running.remove(task);
            throw e;
        }
    }

    private void runThenNext(Task task) {
        try {
            task.run();
        } finally {
            finished(task);
        }
    }

    private void finished(Task task) {
        if (maxConcurrency == Integer.MAX_VALUE) {
            if (running.remove(task) != null) {
                ended();
            } // else abandoned by a stop, which counted it
            return;
        }
        boolean counted;
        lock.lock();
        try {
            // under the lock: a submit must not see the free slot before the waiting tasks get it
            counted = running.remove(task) != null;
            if (counted) {
                startNextWaiting();
            }
        } finally {
            lock.unlock();
        }
        if (counted) {
            ended();
        }
    }

    /** Starts the first waiting task that can get a thread; the lock is held. */
    private void startNextWaiting() {
        for (Task next = pending.poll(); next != null; next = pending.poll()) {
            try {
                start(next);
                return;
            } catch (RuntimeException | Error e) {
                next.abandon(); // no thread for it: given up like at a stop
                ended();
            }
        }
    }

    /** One task fewer; wakes those waiting for idle when it was the last. */
    private void ended() {
        if (active.decrementAndGet() == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until no task runs or waits, at most for the budget; true when idle.
     *
     * @param budget the longest wait
     * @return {@code true} when idle, {@code false} when tasks still run or wait after the budget
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitIdle(Duration budget) throws InterruptedException {
        long left = budget.toNanos();
        lock.lock();
        try {
            while (active.get() > 0) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The graceful stop: waits for every task within the budget; then abandons the waiting ones,
     * abandons and interrupts the running ones, and waits up to {@code grace} for those to end.
     * The counts are taken before anything is interrupted, so they are exact.
     *
     * @param budget how long to wait for every task to end by itself
     * @param grace how long to wait for the interrupted tasks to end
     * @return how the stop went
     */
    public Stopped stop(Duration budget, Duration grace) {
        try {
            if (awaitIdle(budget)) {
                return new Stopped(true, 0, 0, List.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Task> waiting = new ArrayList<>();
        Map<Task, Thread> taken = new IdentityHashMap<>();
        takeAll(waiting, taken);
        waiting.forEach(Task::abandon);
        taken.forEach((task, thread) -> {
            task.abandon();
            thread.interrupt();
        });
        return new Stopped(false, waiting.size() + taken.size(), taken.size(), awaitEnd(taken.values(), grace));
    }

    /** Takes every waiting and running task away; a task ending meanwhile is either taken or ends itself. */
    private void takeAll(List<Task> waiting, Map<Task, Thread> taken) {
        lock.lock();
        try {
            waiting.addAll(pending);
            pending.clear();
            for (Task t : List.copyOf(running.keySet())) {
                Thread thread = running.remove(t);
                if (thread != null) {
                    taken.put(t, thread);
                }
            }
            if (active.addAndGet(-(waiting.size() + taken.size())) == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The names of the threads still alive after the grace. */
    private static List<String> awaitEnd(Iterable<Thread> threads, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> alive = new ArrayList<>();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }

    /**
     * Tasks running or waiting.
     *
     * @return the number of tasks running or waiting
     */
    public int size() {
        return active.get();
    }
}
