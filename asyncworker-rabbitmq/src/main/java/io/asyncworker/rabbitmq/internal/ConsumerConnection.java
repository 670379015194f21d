package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.rabbitmq.ConnectionFailure;
import io.asyncworker.spi.Backoff;
import io.asyncworker.spi.TimerService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consuming connection of one {@link AmqpConnection}, recovered by us rather than by
 * amqp-client: on loss every consumer is told (their channels are dead), then we reconnect with
 * exponential backoff and jitter, telling the {@code connectionFailCallback} about the loss and each
 * failed attempt, and re-subscribe every consumer once connected.
 *
 * <p>Thread-safe. Shutdown listeners run on amqp-client's thread and only schedule work; reconnect
 * attempts run on virtual threads started by timer tasks; the callback runs on virtual threads,
 * one call at a time, in attempt order.
 */
final class ConsumerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerConnection.class);
    private static final Executor CALLBACK_THREADS = r -> Thread.ofVirtual().name("aw-connection-fail-callback").start(r);
    private final AmqpConnection config;
    private final TimerService timer;
    private final List<QueueConsumer> consumers = new CopyOnWriteArrayList<>();
    private volatile Connection connection;
    /** The node connected to, or after a failed attempt the node tried last; {@code null} before the first. */
    private volatile String node;
    private volatile boolean closing;
    private volatile AmqpTopology topology = AmqpTopology.empty();
    private Backoff backoff;
    private int attempt;
    /** The last callback call; each next one runs after it, so that calls never overlap and keep their order. */
    private CompletableFuture<Void> callbacks = CompletableFuture.completedFuture(null);

    ConsumerConnection(AmqpConnection config, TimerService timer) {
        this.config = config;
        this.timer = timer;
        this.backoff = Backoff.of(config.reconnectDelay(), config.maxReconnectDelay());
    }

    AmqpConnection config() {
        return config;
    }

    TimerService timer() {
        return timer;
    }

    /**
     * Connects at start.
     *
     * @throws IllegalStateException naming the broker when it cannot be reached
     */
    void open() {
        try {
            connect();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to RabbitMQ at " + config.address() + " (connection '"
                    + config.name() + "'): " + e, e);
        }
    }

    /**
     * Opens a connection and installs it, unless a close began while it was being opened: then it is
     * closed at once, so that nothing outlives the app (amqp-client's threads would keep the JVM up).
     *
     * @return whether the connection was installed
     */
    private boolean connect() throws IOException, TimeoutException {
        Connection c = newConnection();
        synchronized (this) {
            if (!closing) {
                c.addShutdownListener(this::lost);
                connection = c;
                LOG.info("connected to RabbitMQ at {} (connection '{}', node {})", config.address(), config.name(), node);
                return true;
            }
        }
        LOG.debug("connection '{}' opened while the app was closing; closing it again", config.name());
        closeQuietly(c);
        return false;
    }

    /** Opens a connection through the node list, remembering the node it reached or tried last. */
    private Connection newConnection() throws IOException, TimeoutException {
        ConnectionFactory factory = config.connectionFactory();
        factory.setSharedExecutor(new InlineDispatch()); // consumer callbacks on the reader thread
        try {
            Connection c = factory.newConnection(config.name() + "-consumer");
            node = NodeListConnectionFactory.nodeOf(c, config.addresses());
            return c;
        } catch (IOException | TimeoutException | RuntimeException e) {
            node = NodeListConnectionFactory.lastTried(factory);
            throw e;
        }
    }

    /**
     * Declares the topology now, and again after each reconnect before the consumers re-subscribe.
     *
     * @throws IllegalStateException naming what the broker refused
     */
    void declare(AmqpTopology declared) {
        this.topology = declared;
        TopologyDeclarer.declare(connection, declared, config.address());
    }

    /** After a reconnect: a refusal is logged; the consumers then find out for themselves and retry. */
    private void redeclare(Connection c) {
        try {
            TopologyDeclarer.declare(c, topology, config.address());
        } catch (IllegalStateException e) {
            LOG.error("connection '{}': declaring the topology again after reconnecting failed: {}", config.name(),
                    e.getMessage());
        }
    }

    void register(QueueConsumer consumer) {
        consumers.add(consumer);
    }

    /** The live connection, or {@code null} while it is down. */
    Connection current() {
        Connection c = connection;
        return c != null && c.isOpen() ? c : null;
    }

    private void lost(ShutdownSignalException cause) {
        if (closing || cause.isInitiatedByApplication()) {
            return;
        }
        LOG.warn("RabbitMQ connection '{}' lost (node {}): {}; reconnecting", config.name(), node, cause.getMessage());
        consumers.forEach(QueueConsumer::connectionLost);
        failed(cause);
    }

    private synchronized void failed(Exception cause) {
        if (closing) {
            return;
        }
        ConnectionFailure failure = ConnectionFailure.of(config.name(), cause, ++attempt, Optional.ofNullable(node));
        config.connectionFailCallback().ifPresent(cb -> callbacks = callbacks.handleAsync((v, e) -> {
            notify(cb, failure);
            return null;
        }, CALLBACK_THREADS));
        var delay = backoff.delay(ThreadLocalRandom.current().nextDouble());
        backoff = backoff.next();
        timer.schedule(delay, () -> Thread.ofVirtual().name("aw-reconnect-" + config.name()).start(this::reconnect));
    }

    private void notify(io.asyncworker.rabbitmq.ConnectionFailCallback cb, ConnectionFailure failure) {
        try {
            cb.onFailure(failure);
        } catch (RuntimeException e) {
            LOG.warn("connectionFailCallback of '{}' threw; ignored", config.name(), e);
        }
    }

    private void reconnect() {
        if (closing) {
            return;
        }
        try {
            if (!connect()) {
                return;
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.warn("reconnecting '{}' to {} failed: {}", config.name(), config.address(), Topology.reason(e));
            failed(e);
            return;
        }
        synchronized (this) {
            attempt = 0;
            backoff = backoff.reset();
        }
        redeclare(connection);
        consumers.forEach(QueueConsumer::resubscribe);
    }

    /** Stops reconnecting; later losses are expected. */
    synchronized void stopRecovery() {
        closing = true;
    }

    /** Stops reconnecting and closes the connection; one that a reconnect opens later is closed at once. */
    void close() {
        Connection c;
        synchronized (this) {
            closing = true;
            c = connection;
        }
        closeQuietly(c);
    }

    private void closeQuietly(Connection c) {
        if (c != null && c.isOpen()) {
            try {
                c.close(5000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing connection '{}' failed", config.name(), e);
            }
        }
    }
}
