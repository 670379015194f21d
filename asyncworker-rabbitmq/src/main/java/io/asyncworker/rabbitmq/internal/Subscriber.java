package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * amqp-client's callbacks for one channel session, forwarded to the {@link QueueConsumer}. Runs on
 * the connection's reader thread ({@link InlineDispatch}), one callback at a time and in order, so
 * {@code handleCancelOk} comes after every delivery sent before the cancel. No callback may block
 * or wait for a broker reply: the reader would wait for itself.
 */
final class Subscriber implements Consumer {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    private final QueueConsumer owner;
    private final ChannelSession session;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile String consumerTag;

    Subscriber(QueueConsumer owner, ChannelSession session) {
        this.owner = owner;
        this.session = session;
    }

    @Override
    public void handleConsumeOk(String tag) {
        this.consumerTag = tag;
    }

    @Override
    public void handleCancelOk(String tag) {
        cancelled.countDown();
    }

    @Override
    public void handleCancel(String tag) {
        cancelled.countDown();
        if (lost.compareAndSet(false, true)) {
            owner.channelLost(session, "consumer cancelled by the broker (queue deleted?)", false);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        cancelled.countDown();
        if (sig.isInitiatedByApplication() && !sig.isHardError()) {
            session.invalidate();
            return;
        }
        if (lost.compareAndSet(false, true)) {
            owner.channelLost(session, (sig.isHardError() ? "connection closed: " : "channel closed: ")
                    + sig.getMessage(), sig.isHardError());
        }
    }

    ChannelSession session() {
        return session;
    }

    /** Our side gave the channel up (it stays open but can no longer settle): closed and replaced like a lost one. */
    void fail(String why) {
        if (lost.compareAndSet(false, true)) {
            owner.channelLost(session, why, false);
        }
    }

    @Override
    public void handleRecoverOk(String tag) {
        // basic.recover is never used
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        owner.delivered(session, envelope, properties, body);
    }

    /** Sends basic.cancel and waits (a few seconds at most) until every earlier delivery was dispatched. */
    void cancel(Channel channel) {
        String tag = consumerTag;
        if (tag == null) {
            return;
        }
        try {
            channel.basicCancel(tag);
            if (!cancelled.await(5, TimeUnit.SECONDS)) {
                LOG.warn("no cancel-ok for consumer {} within 5 s", tag);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("basic.cancel of {} failed; the channel is gone", tag, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
