package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.rabbitmq.PublishException.Failure;
import io.asyncworker.rabbitmq.internal.ConfirmTracker.Drained;
import io.asyncworker.rabbitmq.internal.ConfirmTracker.Settled;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publishing channel, in confirm mode unless confirms are off. Each publish is tracked by its
 * sequence number until the broker acks or nacks it; returns are matched to publishes without
 * headers ({@link ConfirmTracker}); when the channel closes, the publishes it had not confirmed go
 * to the {@link LossHandler}.
 *
 * <p>Thread-safe: {@link #publish} may be called from many threads (a lock keeps sequence number
 * and frame together); confirm, return and shutdown listeners run on the amqp-client connection
 * thread and take the same lock, never while an RPC is waited for. Futures are completed outside
 * the lock: those of blocking publishes at once (only their waiting callers wake up), those
 * callers may have chained code to on a virtual thread per confirm frame (a multiple ack settles
 * many at once), so that such code never runs on the connection thread.
 */
final class PublishChannel {
    private static final Logger LOG = LoggerFactory.getLogger(PublishChannel.class);
    private static final Executor OUTCOMES = task -> Thread.ofVirtual().name("aw-publish-outcome").start(task);

    /** Told, once and on a virtual thread, about the publishes a closed channel leaves unconfirmed. */
    @FunctionalInterface
    interface LossHandler {
        void lost(PublishChannel channel, ChannelLoss loss, List<PendingPublish> open);
    }

    private final Channel channel;
    private final boolean confirms;
    private final LossHandler onLoss;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final ConfirmTracker tracker = new ConfirmTracker();
    private volatile boolean closed;
    private volatile boolean retired;

    private PublishChannel(Channel channel, boolean confirms, LossHandler onLoss) {
        this.channel = channel;
        this.confirms = confirms;
        this.onLoss = onLoss;
    }

    /** Opens a channel on the connection, in confirm mode when {@code confirms}. */
    static PublishChannel open(Connection connection, boolean confirms, LossHandler onLoss) throws IOException {
        Channel ch = connection.createChannel();
        if (ch == null) {
            throw new IOException("no channel number left on the publishing connection");
        }
        PublishChannel pc = new PublishChannel(ch, confirms, onLoss);
        if (confirms) {
            ch.confirmSelect();
            ch.addConfirmListener((tag, multiple) -> pc.confirmed(tag, multiple, false),
                    (tag, multiple) -> pc.confirmed(tag, multiple, true));
        }
        ch.addReturnListener(pc::returned);
        ch.addShutdownListener(pc::shutdown);
        return pc;
    }

    /** Whether new publishes may use it. */
    boolean usable() {
        return !closed && !retired && channel.isOpen();
    }

    /**
     * Sends a publish; its future completes when the broker answers (at once with confirms off).
     *
     * @return false when this channel takes no more publishes: nothing was sent, use another one
     */
    boolean publish(PendingPublish p) {
        RuntimeException unsendable;
        lock.lock();
        try {
            if (closed || retired) {
                return false;
            }
            unsendable = send(p);
        } catch (IOException | ShutdownSignalException closing) {
            return false;
        } finally {
            lock.unlock();
        }
        if (unsendable != null) {
            p.fail(Failure.NOT_SENT, "it cannot be sent: " + unsendable.getMessage(), unsendable);
        } else if (!confirms) {
            p.succeed();
        }
        return true;
    }

    /**
     * Under the lock: sends and tracks it.
     *
     * @return null when sent, else why it can never be sent
     * @throws IOException when the channel is closing: nothing was sent
     */
    private RuntimeException send(PendingPublish p) throws IOException {
        long seq = channel.getNextPublishSeqNo();
        if (confirms) {
            tracker.add(seq, p);
        }
        Outgoing m = p.message();
        try {
            channel.basicPublish(m.exchange(), m.routingKey(), m.mandatory(), m.props(), m.body());
            return null;
        } catch (IOException | ShutdownSignalException closing) {
            tracker.remove(seq);
            throw closing;
        } catch (RuntimeException e) {
            // e.g. headers over the frame size: amqp-client counted a sequence number the broker
            // never saw, so later confirms would be misread on this channel.
            tracker.remove(seq);
            retire();
            return e;
        }
    }

    /** Takes no more publishes; the channel closes once every publish on it is answered. */
    void retire() {
        lock.lock();
        try {
            retired = true;
            if (tracker.isEmpty()) {
                closeInBackground();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes at once; unconfirmed publishes fail as unconfirmed. */
    void abandon() {
        retired = true;
        closeInBackground();
    }

    /** Waits until every publish on it is answered or the deadline ({@link System#nanoTime()}) passes. */
    void awaitIdle(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long left;
            while (!tracker.isEmpty() && !closed && (left = deadlineNanos - System.nanoTime()) > 0) {
                idle.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void confirmed(long tag, boolean multiple, boolean nack) {
        List<Settled> settled;
        List<Return> orphans;
        lock.lock();
        try {
            settled = tracker.confirmed(tag, multiple, nack);
            orphans = tracker.dropOrphanReturns();
            if (tracker.isEmpty()) {
                idle.signalAll();
                if (retired) {
                    closeInBackground();
                }
            }
        } finally {
            lock.unlock();
        }
        orphans.forEach(r -> logReturn(r, "matches no publish waiting for its confirm"));
        completeAll(settled);
    }

    private void returned(Return r) {
        if (!confirms) {
            logReturn(r, "publisher confirms are off, so no publish can be told");
            return;
        }
        lock.lock();
        try {
            tracker.returned(r);
        } finally {
            lock.unlock();
        }
    }

    private void shutdown(ShutdownSignalException cause) {
        Drained drained;
        lock.lock();
        try {
            closed = true;
            drained = tracker.drain();
            idle.signalAll();
        } finally {
            lock.unlock();
        }
        ChannelLoss loss = ChannelLoss.of(cause);
        OUTCOMES.execute(() -> {
            drained.returned().forEach(PublishChannel::complete);
            if (!drained.open().isEmpty()) {
                onLoss.lost(this, loss, drained.open());
            }
        });
    }

    /** Completes blocking publishes here, and hands those with chained code to a virtual thread. */
    private static void completeAll(List<Settled> settled) {
        List<Settled> chained = new ArrayList<>();
        for (Settled s : settled) {
            if (s.publish().chained()) {
                chained.add(s);
            } else {
                complete(s);
            }
        }
        if (!chained.isEmpty()) {
            OUTCOMES.execute(() -> chained.forEach(PublishChannel::complete));
        }
    }

    private static void complete(Settled s) {
        s.rejection().ifPresentOrElse(r -> s.publish().fail(r.failure(), r.reason(), null), s.publish()::succeed);
    }

    private static void logReturn(Return r, String why) {
        LOG.warn("a message to exchange '{}' with routing key '{}' was returned ({} {}); {}", r.getExchange(),
                r.getRoutingKey(), r.getReplyCode(), r.getReplyText(), why);
    }

    /** Off the connection thread: closing waits for the broker's close-ok, which that thread reads. */
    private void closeInBackground() {
        Thread.ofVirtual().name("aw-publish-channel-close").start(this::close);
    }

    private void close() {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            LOG.debug("closing a publishing channel failed", e);
        }
    }
}
