package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import io.asyncworker.Action;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consuming channel of a queue consumer, numbered by generation. Its delivery tags mean
 * something only on this channel: once the session is invalidated (channel lost, consumer
 * cancelled) nothing is ever sent for them again; the broker redelivers those messages.
 *
 * <p>Thread-safe. Settlements (handler threads) are serialized by a lock, which also keeps the
 * frames of overlapping batches in planned order. Deliveries (the connection's reader thread for
 * this channel, one at a time, in tag order) take no lock: each tag goes into a ring that the next
 * settlement drains into the tracker before it plans anything, so a settlement always knows every
 * tag delivered before its messages; only a full ring makes the delivering thread drain it under
 * the lock. The delivering thread thus never waits for a settlement's socket write.
 */
final class ChannelSession {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSession.class);
    /** Tags delivered but not yet drained into the tracker; a power of two. */
    private static final int RING = 1024;
    private static final VarHandle PUBLISHED;
    private final Channel channel;
    private final long generation;
    /** Guarded by {@link #lock}. */
    private final AckTracker tracker = new AckTracker();
    private final ReentrantLock lock = new ReentrantLock();
    private final long[] ring = new long[RING];
    /** How many tags were put into the ring; written by the delivering thread only (release). */
    @SuppressWarnings("unused") // through PUBLISHED
    private long published;
    /** How many tags were drained from the ring; written under {@link #lock}. */
    private volatile long drained;
    private final BiConsumer<ChannelSession, Exception> broken;
    private volatile boolean valid = true;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(ChannelSession.class, "published", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * @param broken told when settling failed while the channel stays open: its unsettled messages
     *               would never be settled, so the channel must be given up and replaced
     */
    ChannelSession(Channel channel, long generation, BiConsumer<ChannelSession, Exception> broken) {
        this.channel = channel;
        this.generation = generation;
        this.broken = broken;
    }

    Channel channel() {
        return channel;
    }

    long generation() {
        return generation;
    }

    /** Whether frames may still be sent for this session's tags. */
    boolean isValid() {
        return valid && channel.isOpen();
    }

    /** Stops every later settlement on this channel. */
    void invalidate() {
        valid = false;
    }

    /** Records a delivered tag; called on the connection's reader thread, in tag order. */
    void delivered(long tag) {
        long next = (long) PUBLISHED.get(this);
        if (next - drained >= RING) {
            lock.lock();
            try {
                drain();
            } finally {
                lock.unlock();
            }
        }
        ring[(int) next & (RING - 1)] = tag;
        PUBLISHED.setRelease(this, next + 1);
    }

    /** Moves the delivered tags from the ring into the tracker; the lock is held. */
    private void drain() {
        long upTo = (long) PUBLISHED.getAcquire(this);
        for (long i = drained; i < upTo; i++) {
            tracker.delivered(ring[(int) i & (RING - 1)]);
        }
        drained = upTo;
    }

    /** Settles one tag at once, e.g. an undecodable message. */
    boolean settle(long tag, Action action) {
        return settle(new long[] {tag}, new Action[] {action}, 1);
    }

    /**
     * Sends the frames for the decisions.
     *
     * @param tags    delivery tags of this session, increasing
     * @param actions the action per tag
     * @param n       how many entries count
     * @return {@code false} when the session is no longer valid and nothing was sent
     */
    boolean settle(long[] tags, Action[] actions, int n) {
        Exception failure;
        lock.lock();
        try {
            if (!isValid()) {
                return false;
            }
            drain();
            for (AckOp op : tracker.settle(tags, actions, n)) {
                send(op);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            valid = false;
            failure = e;
        } finally {
            lock.unlock();
        }
        LOG.debug("settling on channel generation {} failed; the broker will redeliver", generation, failure);
        if (channel.isOpen()) {
            broken.accept(this, failure);
        }
        return false;
    }

    private void send(AckOp op) throws IOException {
        switch (op.action()) {
            case ACK -> channel.basicAck(op.tag(), op.multiple());
            case REJECT -> nackOrReject(op, false);
            case REQUEUE -> nackOrReject(op, true);
        }
    }

    private void nackOrReject(AckOp op, boolean requeue) throws IOException {
        if (op.multiple()) {
            channel.basicNack(op.tag(), true, requeue);
        } else {
            channel.basicReject(op.tag(), requeue);
        }
    }

    int outstanding() {
        lock.lock();
        try {
            drain();
            return tracker.outstanding();
        } finally {
            lock.unlock();
        }
    }
}
