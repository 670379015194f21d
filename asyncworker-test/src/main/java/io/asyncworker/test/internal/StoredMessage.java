package io.asyncworker.test.internal;

import io.asyncworker.Action;
import io.asyncworker.spi.Checks;
import io.asyncworker.spi.Verdict;
import io.asyncworker.test.Sent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A message in a queue of the in-memory broker, and the sender's handle on it: its deliveries are
 * counted under its queue's lock, its settlements recorded under its own lock, which the waiting
 * test threads share.
 */
final class StoredMessage implements Sent {
    private final long seq;
    private final String queue;
    private final byte[] body;
    private final Map<String, Object> headers;
    private final Duration awaitTimeout;
    private volatile long deliveries;
    private final List<Verdict> verdicts = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();

    StoredMessage(long seq, String queue, byte[] body, Map<String, Object> headers, Duration awaitTimeout) {
        this.seq = seq;
        this.queue = queue;
        this.body = body;
        this.headers = headers;
        this.awaitTimeout = awaitTimeout;
    }

    long seq() {
        return seq;
    }

    /** Counts one more delivery; called under the queue's lock. */
    long delivered() {
        return ++deliveries;
    }

    void record(Verdict verdict) {
        lock.lock();
        try {
            verdicts.add(verdict);
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public Map<String, Object> headers() {
        return headers;
    }

    @Override
    public long deliveryCount() {
        return deliveries;
    }

    @Override
    public List<Verdict> verdicts() {
        lock.lock();
        try {
            return List.copyOf(verdicts);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Action> actions() {
        return verdicts().stream().map(Verdict::action).toList();
    }

    @Override
    public Action awaitSettled() {
        return awaitSettled(1);
    }

    @Override
    public Action awaitSettled(int n) {
        Checks.atLeast("n", n, 1);
        return await(v -> v.size() >= n, v -> v.get(n - 1), "settled " + (n == 1 ? "once" : n + " times"));
    }

    @Override
    public Action awaitFinal() {
        Predicate<Verdict> isFinal = v -> v.action() != Action.REQUEUE;
        return await(v -> v.stream().anyMatch(isFinal), v -> v.stream().filter(isFinal).findFirst().orElseThrow(),
                "acked or rejected");
    }

    private Action await(Predicate<List<Verdict>> done, Function<List<Verdict>, Verdict> pick, String what) {
        long left = awaitTimeout.toNanos();
        lock.lock();
        try {
            while (!done.test(verdicts)) {
                if (left <= 0) {
                    throw new AssertionError(this + " was not " + what + " within " + awaitTimeout + ": delivered "
                            + deliveries + " times, settlements " + verdicts);
                }
                left = settled.awaitNanos(left);
            }
            return pick.apply(verdicts).action();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + this + " to be " + what, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return "message #" + seq + " on '" + queue + "' (" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + ")";
    }
}
