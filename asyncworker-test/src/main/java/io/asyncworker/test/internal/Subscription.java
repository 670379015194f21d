package io.asyncworker.test.internal;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A route's subscription to one queue, like an AMQP consumer on its own channel: where deliveries go,
 * how many unsettled ones it may hold, and its current channel. The window and the state are guarded
 * by the queue's lock; a channel's liveness may be read by any thread.
 */
final class Subscription {

    /** Where a subscription's deliveries go: the route's pipeline. */
    interface Target {
        /** Takes a delivery; called outside the queue's lock, one delivery at a time per queue. */
        void deliver(MemoryDelivery delivery);

        /** The subscription's channel died and a new one took its place; called outside the queue's lock. */
        void channelDied(String queue);
    }

    /** One channel of a subscription: its deliveries can be settled while it is open. */
    static final class Channel {
        private final long generation;
        private volatile boolean open = true;

        Channel(long generation) {
            this.generation = generation;
        }

        boolean isOpen() {
            return open;
        }

        long generation() {
            return generation;
        }
    }

    private final MemoryQueue queue;
    private final Target target;
    private final int prefetch;
    private final TimerService timer;
    private final Set<MemoryDelivery> unacked = new LinkedHashSet<>();
    /** Messages waiting for a retry's delay on this subscription's timer. */
    private final Map<StoredMessage, Cancellable> retrying = new HashMap<>();
    private Channel channel = new Channel(1);
    private boolean active = true;

    Subscription(MemoryQueue queue, Target target, int prefetch, TimerService timer) {
        this.queue = queue;
        this.target = target;
        this.prefetch = prefetch;
        this.timer = timer;
    }

    MemoryQueue queue() {
        return queue;
    }

    Target target() {
        return target;
    }

    boolean hasRoom() {
        return active && unacked.size() < prefetch;
    }

    boolean isActive() {
        return active;
    }

    void deactivate() {
        active = false;
    }

    int unacked() {
        return unacked.size();
    }

    /** Delivers a message on the current channel; the delivery counts against the window until settled. */
    MemoryDelivery take(StoredMessage message) {
        MemoryDelivery d = new MemoryDelivery(message, this, channel, message.delivered());
        unacked.add(d);
        return d;
    }

    /** Takes a delivery out of the window; false when it is not there (its channel died meanwhile). */
    boolean release(MemoryDelivery delivery) {
        return delivery.channel() == channel && channel.isOpen() && unacked.remove(delivery);
    }

    /**
     * Closes the current channel and opens the next one.
     *
     * @return the messages delivered on the old channel and never settled, which go back to the queue
     */
    List<StoredMessage> replaceChannel() {
        channel.open = false;
        channel = new Channel(channel.generation() + 1);
        List<StoredMessage> back = unacked.stream().map(MemoryDelivery::message).toList();
        unacked.clear();
        return back;
    }

    /**
     * Waits a retry's delay on the app's timer, then hands the message to {@code back}; ends the wait
     * at once when the subscription closes (see {@link #endRetries()}), so that nothing is lost with the timer.
     */
    void retryLater(StoredMessage message, Duration delay, Consumer<StoredMessage> back) {
        retrying.put(message, timer.schedule(delay, () -> back.accept(message)));
    }

    /** Takes a message out of the retry waits; false when it was not waiting (any more). */
    boolean retryDue(StoredMessage message) {
        return retrying.remove(message) != null;
    }

    /** Ends every retry wait; returns the messages, which go back to the queue. */
    List<StoredMessage> endRetries() {
        List<StoredMessage> back = List.copyOf(retrying.keySet());
        retrying.values().forEach(Cancellable::cancel);
        retrying.clear();
        return back;
    }

    /** Stops deliveries; what it holds stays delivered until settled. */
    void cancel() {
        queue.cancel(this);
    }

    /** Closes the channel: what it holds unsettled goes back to the queue. */
    void close() {
        queue.close(this);
    }
}
