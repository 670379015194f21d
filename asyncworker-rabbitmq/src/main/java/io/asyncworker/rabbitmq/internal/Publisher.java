package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.rabbitmq.PublishException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The publishing side of an {@code AmqpConnection}: its own connection, opened on first use and
 * again after a failure, with one channel in confirm mode.
 *
 * <p>Thread-safe: publishes are serialized by a lock (sequence number and frame must go together).
 */
public final class Publisher implements AutoCloseable {
    private final LazyConnection connection;
    private final boolean confirms;
    private final Duration confirmTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private PublishChannel channel;

    /**
     * @param factory        makes a configured connection factory
     * @param connectionName shown in the broker's connection list
     */
    public Publisher(Supplier<ConnectionFactory> factory, String connectionName, boolean confirms, Duration confirmTimeout) {
        this.connection = new LazyConnection(factory, connectionName, "aw-publisher-");
        this.confirms = confirms;
        this.confirmTimeout = confirmTimeout;
    }

    /** Publishes and waits for the confirm (when confirms are on). */
    public void publish(String exchange, String routingKey, byte[] body, AMQP.BasicProperties props, boolean mandatory) {
        CompletableFuture<Void> done = publishAsync(exchange, routingKey, body, props, mandatory);
        try {
            done.get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PublishException pe ? pe
                    : new PublishException(exchange, routingKey, String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException(exchange, routingKey, "no publisher confirm within " + confirmTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(exchange, routingKey, "interrupted while waiting for the confirm", e);
        }
    }

    /** Publishes; the future completes on the confirm (at once with confirms off). */
    public CompletableFuture<Void> publishAsync(String exchange, String routingKey, byte[] body,
                                                AMQP.BasicProperties props, boolean mandatory) {
        lock.lock();
        try {
            PublishChannel ch = channel();
            return ch.publish(exchange, routingKey, body, props, mandatory);
        } catch (IOException | TimeoutException | RuntimeException e) {
            if (e instanceof PublishException pe) {
                return CompletableFuture.failedFuture(pe);
            }
            return CompletableFuture.failedFuture(new PublishException(exchange, routingKey, describe(e), e));
        } finally {
            lock.unlock();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof ShutdownSignalException sse) {
            return "channel closed: " + sse.getReason();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private PublishChannel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        Channel ch = connection.get().createChannel();
        channel = new PublishChannel(ch, confirms);
        return channel;
    }

    /** Closes the connection; pending confirms fail. A later publish reopens it. */
    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } finally {
            channel = null;
            lock.unlock();
        }
    }

    static Map<String, Object> withHeader(Map<String, Object> headers, String name, Object value) {
        Map<String, Object> copy = headers == null ? new HashMap<>() : new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
