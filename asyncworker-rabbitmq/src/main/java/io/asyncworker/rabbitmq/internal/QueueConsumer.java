package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Envelope;
import io.asyncworker.Action;
import io.asyncworker.ComponentHealth;
import io.asyncworker.ComponentHealth.State;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.spi.Backoff;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of one (route, queue): its own channel with {@code basic.qos(prefetch)} before
 * {@code basic.consume}; deliveries go into the route's pipeline. When its channel dies or the
 * broker cancels it, the channel's waiting messages are dropped from the bucket (the broker
 * redelivers them) and it re-subscribes with backoff on a new channel generation; when the whole
 * connection dies, {@link ConsumerConnection} re-subscribes it after reconnecting.
 *
 * <p>Thread-safe: deliveries arrive on the connection's reader thread, recovery on virtual threads,
 * health reads from anywhere. Subscribing is serialized by a lock.
 */
final class QueueConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);
    private final RouteRuntime route;
    private final String queue;
    private final ConsumerConnection connection;
    private final ReentrantLock subscribing = new ReentrantLock();
    private volatile ChannelSession session;
    private volatile Subscriber subscriber;
    private volatile State state = State.STARTING;
    private volatile String detail = "subscribing";
    private volatile boolean stopping;
    private long generation;
    /** Written by the amqp-client thread (channel loss) and recovery threads alike. */
    private final AtomicReference<Backoff> backoff;

    QueueConsumer(RouteRuntime route, String queue, ConsumerConnection connection) {
        this.route = route;
        this.queue = queue;
        this.connection = connection;
        AmqpConnection config = connection.config();
        this.backoff = new AtomicReference<>(Backoff.of(config.reconnectDelay(), config.maxReconnectDelay()));
        route.metrics().consumerUp(queue, false);
    }

    String queue() {
        return queue;
    }

    /** The generation of the live channel; tags of other generations must never be settled. */
    long generation() {
        ChannelSession s = session;
        return s == null ? -1 : s.generation();
    }

    /**
     * Subscribes at start.
     *
     * @throws IllegalStateException naming the queue when it does not exist (and is not declared)
     */
    void start() {
        try {
            subscribe();
        } catch (IOException e) {
            throw new IllegalStateException(Topology.explain(route.name(), queue, connection.config(), e), e);
        }
    }

    private void subscribe() throws IOException {
        subscribing.lock();
        try {
            ChannelSession current = session;
            if (stopping || (current != null && current.isValid())) {
                return;
            }
            Connection c = connection.current();
            if (c == null) {
                throw new IOException("connection '" + connection.config().name() + "' is down");
            }
            open(c);
        } finally {
            subscribing.unlock();
        }
    }

    private void open(Connection c) throws IOException {
        Channel ch = c.createChannel();
        try {
            route.prepare(ch, queue);
            ch.basicQos(connection.config().prefetch());
            ChannelSession s = new ChannelSession(ch, ++generation, this::settleFailed);
            Subscriber sub = new Subscriber(this, s);
            session = s;
            subscriber = sub;
            ch.basicConsume(queue, false, route.name() + "/" + queue + "#" + s.generation(), sub);
        } catch (IOException | RuntimeException e) {
            Topology.closeQuietly(ch);
            throw e;
        }
        up();
    }

    private void up() {
        backoff.updateAndGet(Backoff::reset);
        state = State.UP;
        detail = "";
        route.metrics().consumerUp(queue, true);
        LOG.info("route '{}': consuming queue '{}' (prefetch {})", route.name(), queue, connection.config().prefetch());
    }

    /** Re-subscribes after a reconnect or a channel loss; failures are retried with backoff. */
    void resubscribe() {
        if (stopping) {
            return;
        }
        try {
            subscribe();
        } catch (IOException | RuntimeException e) {
            String why = Topology.explain(route.name(), queue, connection.config(), e);
            down(why);
            if (connection.current() != null) {
                retryLater();
            }
        }
    }

    private void retryLater() {
        if (stopping) {
            return;
        }
        var delay = backoff.getAndUpdate(Backoff::next).delay(ThreadLocalRandom.current().nextDouble());
        LOG.warn("route '{}': re-subscribing to '{}' in {} ms ({})", route.name(), queue, delay.toMillis(), detail);
        connection.timer().schedule(delay, () -> Thread.ofVirtual().name("aw-resubscribe").start(this::resubscribe));
    }

    /** The connection died: the channel is gone with it; the connection re-subscribes us later. */
    void connectionLost() {
        ChannelSession s = session;
        if (s != null) {
            invalidate(s);
        }
        down("connection '" + connection.config().name() + "' lost; reconnecting");
    }

    /** The channel died or the broker cancelled the consumer; called once per session by its subscriber. */
    void channelLost(ChannelSession s, String why, boolean connectionLevel) {
        if (s != session || stopping) {
            invalidate(s);
            return;
        }
        invalidate(s);
        down(why);
        LOG.warn("route '{}': consumer of '{}' lost: {}", route.name(), queue, why);
        if (!connectionLevel) {
            Thread.ofVirtual().start(() -> Topology.closeQuietly(s.channel()));
            retryLater();
        }
    }

    /** Settling failed on a channel that stays open: give it up, or its messages would never be settled. */
    private void settleFailed(ChannelSession s, Exception e) {
        Subscriber sub = subscriber;
        if (sub != null && sub.session() == s) {
            sub.fail("settling failed: " + e);
        } else {
            Topology.closeQuietly(s.channel());
        }
    }

    private void invalidate(ChannelSession s) {
        s.invalidate();
        int dropped = route.pipeline().discardStale().size();
        if (dropped > 0) {
            LOG.info("route '{}': dropped {} waiting messages of a dead channel on '{}'; the broker redelivers them",
                    route.name(), dropped, queue);
        }
    }

    private void down(String why) {
        if (stopping) {
            return;
        }
        state = State.DOWN;
        detail = why;
        route.metrics().consumerUp(queue, false);
    }

    /** A message arrived; called on the connection's reader thread ({@link InlineDispatch}), in order. */
    void delivered(ChannelSession s, Envelope env, AMQP.BasicProperties props, byte[] body) {
        long tag = env.getDeliveryTag();
        s.delivered(tag);
        if (stopping || s != session) {
            s.settle(tag, Action.REQUEUE);
            return;
        }
        route.pipeline().add(Delivery.of(this, s, env, props, body, route.counter()));
    }

    /** Cancels the consumer and waits until amqp-client has dispatched every earlier delivery. */
    void stopIntake() {
        Subscriber sub;
        ChannelSession s;
        subscribing.lock();
        try {
            stopping = true;
            state = State.STOPPED;
            detail = "stopping";
            sub = subscriber;
            s = session;
        } finally {
            subscribing.unlock();
        }
        if (sub != null && s != null && s.isValid()) {
            sub.cancel(s.channel());
        }
        route.metrics().consumerUp(queue, false);
    }

    /** Closes the channel; unsettled messages go back to the queue. */
    void close() {
        stopping = true;
        ChannelSession s = session;
        if (s != null) {
            s.invalidate();
            Topology.closeQuietly(s.channel());
        }
    }

    ComponentHealth health() {
        return new ComponentHealth("consumer", route.name() + "/" + queue, state, detail);
    }
}
