package io.asyncworker.internal.batch;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.SettleSink;
import io.asyncworker.spi.TimerService;
import io.asyncworker.spi.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requeues that wait before they are carried out, so that a message failing again and again is
 * redelivered at most about once a second instead of in a hot loop (see {@code Outcomes.requeueDelay}).
 * A waiting requeue holds its message (unacknowledged); {@link #releaseAll()} carries every waiting
 * one out at once, e.g. when the pipeline drains. Thread-safe.
 */
final class DelayedSettles<I extends Inbound> {
    private final TimerService timer;
    private final SettleSink<I> sink;
    private final Map<Object, Pending<I>> waiting = new IdentityHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    private record Pending<I>(List<I> messages, Cancellable timeout) {
    }

    DelayedSettles(TimerService timer, SettleSink<I> sink) {
        this.timer = timer;
        this.sink = sink;
    }

    /** Requeues the messages after the delay (on a virtual thread: the timer's thread must not block). */
    void requeueLater(List<I> messages, Duration delay) {
        Object key = new Object();
        lock.lock();
        try {
            Cancellable timeout = timer.schedule(delay,
                    () -> Thread.ofVirtual().name("aw-requeue").start(() -> release(key)));
            waiting.put(key, new Pending<>(messages, timeout));
        } finally {
            lock.unlock();
        }
    }

    private void release(Object key) {
        Pending<I> p;
        lock.lock();
        try {
            p = waiting.remove(key);
        } finally {
            lock.unlock();
        }
        if (p != null) {
            sink.settle(p.messages(), Collections.nCopies(p.messages().size(), Verdict.REQUEUE));
        }
    }

    /** Carries out every waiting requeue now. */
    void releaseAll() {
        List<Pending<I>> all;
        lock.lock();
        try {
            all = new ArrayList<>(waiting.values());
            waiting.clear();
        } finally {
            lock.unlock();
        }
        for (Pending<I> p : all) {
            p.timeout().cancel();
            sink.settle(p.messages(), Collections.nCopies(p.messages().size(), Verdict.REQUEUE));
        }
    }

    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
