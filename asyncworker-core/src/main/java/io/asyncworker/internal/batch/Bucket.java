package io.asyncworker.internal.batch;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.Checks;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Collects messages into batches: a batch leaves when it holds {@code bulkSize} messages, or when
 * {@code flushTimeout} has passed since its first message entered the empty bucket.
 *
 * <p>Thread-safe. The sink is called under the bucket's lock, in batch order, and must not block.
 */
public final class Bucket<M> {
    private final int bulkSize;
    private final Duration flushTimeout;
    private final TimerService timer;
    private final BiConsumer<List<M>, FlushReason> sink;
    private List<M> items;
    private Cancellable pendingTimeout;
    private long generation;
    private boolean closed;

    /**
     * @param sink receives each full or timed-out batch with the reason
     */
    public Bucket(int bulkSize, Duration flushTimeout, TimerService timer, BiConsumer<List<M>, FlushReason> sink) {
        this.bulkSize = Checks.atLeast("bulkSize", bulkSize, 1);
        this.flushTimeout = flushTimeout;
        this.timer = timer;
        this.sink = sink;
        this.items = new ArrayList<>(Math.min(bulkSize, 1024));
    }

    /**
     * Adds a message; may hand a full batch to the sink before returning.
     *
     * @return false when the bucket is closed and the message was not taken
     */
    public synchronized boolean add(M message) {
        if (closed) {
            return false;
        }
        items.add(message);
        if (items.size() >= bulkSize) {
            emit(FlushReason.SIZE);
        } else if (items.size() == 1) {
            long armed = generation;
            pendingTimeout = timer.schedule(flushTimeout, () -> timedOut(armed));
        }
        return true;
    }

    /** Hands the partial batch, if any, to the sink and takes no message from now on. */
    public synchronized void close(FlushReason reason) {
        flush(reason);
        closed = true;
        disarm();
    }

    /** Hands the partial batch, if any, to the sink now. */
    public synchronized void flush(FlushReason reason) {
        if (!items.isEmpty()) {
            emit(reason);
        }
    }

    /**
     * Removes the waiting messages that match, e.g. those of a channel that died; the broker
     * delivers them again. The timer keeps running for the messages that stay.
     *
     * @return the removed messages
     */
    public synchronized List<M> discard(Predicate<? super M> which) {
        List<M> removed = new ArrayList<>();
        items.removeIf(m -> which.test(m) && removed.add(m));
        if (items.isEmpty()) {
            disarm();
        }
        return removed;
    }

    /** How many messages wait. */
    public synchronized int size() {
        return items.size();
    }

    private synchronized void timedOut(long armed) {
        if (armed == generation && !items.isEmpty()) {
            emit(FlushReason.TIMEOUT);
        }
    }

    private void emit(FlushReason reason) {
        List<M> batch = items;
        items = new ArrayList<>(Math.min(bulkSize, 1024));
        disarm();
        sink.accept(batch, reason);
    }

    private void disarm() {
        generation++;
        if (pendingTimeout != null) {
            pendingTimeout.cancel();
            pendingTimeout = null;
        }
    }
}
