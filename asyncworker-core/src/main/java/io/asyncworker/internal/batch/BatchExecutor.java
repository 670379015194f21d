package io.asyncworker.internal.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs jobs on their own threads, at most {@code maxConcurrency} at once, the rest waiting in
 * submission order (so {@code maxConcurrency(1)} runs batches strictly one after another).
 *
 * <p>Thread-safe; {@link #submit} never blocks. State is guarded by a {@link ReentrantLock}, not a
 * monitor: job threads are virtual, and a virtual thread that finds a monitor taken is woken
 * through the JDK's unblocker thread (or pins its carrier before JDK 24), while a contended
 * {@code ReentrantLock} simply parks and resubmits it.
 */
public final class BatchExecutor {
    private final int maxConcurrency;
    private final ThreadFactory threads;
    private final ArrayDeque<Job> pending = new ArrayDeque<>();
    private final Map<Job, Thread> running = new IdentityHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /** A unit of work that can also be given up without running. */
    public interface Job {
        /** Does the work; called once, on the job's thread. */
        void run();

        /** Gives the job up: it never ran, or it outlived the budget. Called at most once. */
        void abandon();
    }

    /**
     * @param maxConcurrency at least 1; {@link Integer#MAX_VALUE} for no bound
     * @param threads        makes the job threads (virtual threads in production)
     */
    public BatchExecutor(int maxConcurrency, ThreadFactory threads) {
        this.maxConcurrency = maxConcurrency;
        this.threads = threads;
    }

    /** Starts the job now if a slot is free, else queues it. */
    public void submit(Job job) {
        lock.lock();
        try {
            if (running.size() < maxConcurrency) {
                start(job);
            } else {
                pending.add(job);
            }
        } finally {
            lock.unlock();
        }
    }

    private void start(Job job) {
        Thread thread = threads.newThread(() -> runThenNext(job));
        running.put(job, thread);
        thread.start();
    }

    private void runThenNext(Job job) {
        try {
            job.run();
        } finally {
            finished(job);
        }
    }

    private void finished(Job job) {
        lock.lock();
        try {
            if (running.remove(job) == null) {
                return;
            }
            Job next = pending.poll();
            if (next != null) {
                start(next);
            } else if (running.isEmpty()) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no job runs or waits, at most for the budget; true when idle. */
    public boolean awaitIdle(Duration budget) throws InterruptedException {
        long left = budget.toNanos();
        lock.lock();
        try {
            while (!running.isEmpty() || !pending.isEmpty()) {
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
     * Gives up every waiting job and interrupts every running one; each is
     * {@link Job#abandon() abandoned} on the calling thread.
     *
     * @return the threads of the interrupted jobs, to wait a grace for
     */
    public List<Thread> abandonAll() {
        List<Job> given;
        List<Thread> interrupted;
        lock.lock();
        try {
            given = new ArrayList<>(pending);
            pending.clear();
            interrupted = new ArrayList<>(running.values());
            interrupted.forEach(Thread::interrupt);
            given.addAll(running.keySet());
            running.clear();
            idle.signalAll();
        } finally {
            lock.unlock();
        }
        given.forEach(Job::abandon);
        return interrupted;
    }

    /** Jobs running or waiting. */
    public int size() {
        lock.lock();
        try {
            return running.size() + pending.size();
        } finally {
            lock.unlock();
        }
    }
}
