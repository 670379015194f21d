package io.asyncworker.test.internal;

import io.asyncworker.spi.TimerService;
import io.asyncworker.spi.Verdict;
import io.asyncworker.test.Sent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A queue of the in-memory broker: ready messages in send order (a requeued one goes back to its
 * place, as on a RabbitMQ classic queue), its subscriptions served round robin within their prefetch
 * windows, and its dead letters.
 *
 * <p>Thread-safe: the state is guarded by one lock; deliveries are handed to the subscriptions outside
 * it, by one thread at a time (the one that "pumps"), so that they keep their order and a pipeline
 * called with a delivery may settle into this queue from the same thread.
 */
final class MemoryQueue {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<StoredMessage> ready = new PriorityQueue<>(Comparator.comparingLong(StoredMessage::seq));
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Sent> deadLetters = new ArrayList<>();
    private int next;
    private boolean pumping;

    MemoryQueue(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Adds a message and delivers what can be delivered. */
    void publish(StoredMessage message) {
        locked(() -> ready.add(message));
        pump();
    }

    Subscription subscribe(Subscription.Target target, int prefetch, TimerService timer) {
        Subscription s = new Subscription(this, target, prefetch, timer);
        locked(() -> subscriptions.add(s));
        pump();
        return s;
    }

    void cancel(Subscription s) {
        locked(() -> {
            s.deactivate();
            return null;
        });
    }

    void close(Subscription s) {
        lock.lock();
        try {
            s.deactivate();
            subscriptions.remove(s);
            ready.addAll(s.replaceChannel());
            ready.addAll(s.endRetries());
        } finally {
            lock.unlock();
        }
        pump();
    }

    /** A retry's delay has passed: the message is ready again, unless its subscription closed meanwhile. */
    private void retryDue(Subscription s, StoredMessage message) {
        if (locked(() -> s.retryDue(message) && ready.add(message))) {
            pump();
        }
    }

    /** Every subscription's channel dies: what they held goes back, and each goes on on a new channel. */
    void killChannels() {
        List<Subscription> all;
        lock.lock();
        try {
            subscriptions.forEach(s -> ready.addAll(s.replaceChannel()));
            all = List.copyOf(subscriptions);
        } finally {
            lock.unlock();
        }
        all.forEach(s -> s.target().channelDied(name));
        pump();
    }

    /**
     * Carries out a verdict; the caller pumps afterwards.
     *
     * @return false when the delivery's channel died before: the message went back to the queue then
     */
    boolean settle(MemoryDelivery d, Verdict verdict) {
        lock.lock();
        try {
            if (!d.subscription().release(d)) {
                return false;
            }
            switch (verdict.kind()) {
                case ACK -> { }
                case REJECT, PARK -> deadLetters.add(d.message());
                case REQUEUE -> ready.add(d.message());
                case RETRY -> d.subscription().retryLater(d.message(), verdict.delay(), m -> retryDue(d.subscription(), m));
            }
            d.message().record(verdict);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Hands ready messages to subscriptions with room, unless another thread is doing so already. */
    void pump() {
        if (!claimPump()) {
            return;
        }
        boolean released = false;
        try {
            for (MemoryDelivery d = nextOrRelease(); d != null; d = nextOrRelease()) {
                d.subscription().target().deliver(d);
            }
            released = true;
        } finally {
            if (!released) {
                locked(() -> pumping = false);
            }
        }
    }

    private boolean claimPump() {
        return locked(() -> {
            boolean free = !pumping;
            pumping = true;
            return free;
        });
    }

    /** The next delivery, round robin over the subscriptions with room; null (and the pump released) when none. */
    private MemoryDelivery nextOrRelease() {
        lock.lock();
        try {
            int n = subscriptions.size();
            for (int i = 0; i < n && !ready.isEmpty(); i++) {
                Subscription s = subscriptions.get((next + i) % n);
                if (s.hasRoom()) {
                    next = (next + i + 1) % n;
                    return s.take(ready.poll());
                }
            }
            pumping = false;
            return null;
        } finally {
            lock.unlock();
        }
    }

    int ready() {
        return locked(ready::size);
    }

    int unacked() {
        return locked(() -> subscriptions.stream().mapToInt(Subscription::unacked).sum());
    }

    int consumers() {
        return locked(() -> (int) subscriptions.stream().filter(Subscription::isActive).count());
    }

    List<Sent> deadLetters() {
        return locked(() -> List.copyOf(deadLetters));
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
