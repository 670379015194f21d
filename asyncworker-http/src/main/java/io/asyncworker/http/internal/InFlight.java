package io.asyncworker.http.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts requests from the event loop's read to the end of the response write. Thread-safe. Not the
 * handler runner's {@code awaitIdle}, which is idle while a request is still batched for the next
 * event-loop turn or an async answer is pending (docs/decisions.md, HTTP).
 */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    void begin() {
        count.incrementAndGet();
    }

    void end() {
        if (count.decrementAndGet() == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    int count() {
        return count.get();
    }

    /** Waits until nothing is in flight; false when the budget ran out first. */
    boolean awaitIdle(Duration budget) throws InterruptedException {
        long nanos = budget.toNanos();
        lock.lock();
        try {
            while (count.get() > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
