package io.asyncworker.rabbitmq;

import io.asyncworker.Action;
import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchHandler;
import io.asyncworker.BatchOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configures an {@link AmqpRoute}; started by {@link AmqpRoute#consume(String...)} and finished
 * by {@link #handler(BatchHandler)} or {@link #asyncHandler(AsyncBatchHandler)}, which return the
 * immutable route. Each setter validates at once and throws {@link IllegalArgumentException}
 * naming the option. Not thread-safe.
 */
public final class AmqpRouteBuilder {
    final List<String> queues;
    final BatchOptions.Builder options = BatchOptions.builder();
    String name;
    String connectionName;
    AmqpConnection connection;
    QueueDeclaration declaration;
    Class<?> bodyType;

    AmqpRouteBuilder(String... queues) {
        Objects.requireNonNull(queues, "queues");
        if (queues.length == 0) {
            throw new IllegalArgumentException("queues must not be empty: consume(\"queue\", ...)");
        }
        Set<String> seen = new HashSet<>();
        for (String q : queues) {
            Objects.requireNonNull(q, "queue");
            if (q.isBlank()) {
                throw new IllegalArgumentException("queues must not contain a blank name");
            }
            if (!seen.add(q)) {
                throw new IllegalArgumentException("queues must not repeat a name, got '" + q + "' twice");
            }
        }
        this.queues = List.of(queues);
        this.name = String.join(",", this.queues);
    }

    /** The route's name in logs, metrics and health; default the queue names joined by commas. */
    public AmqpRouteBuilder name(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /** The largest batch, at least 1; clamped to the connection's prefetch. */
    public AmqpRouteBuilder bulkSize(int size) {
        options.bulkSize(size);
        return this;
    }

    /** How long a partial batch waits after its first message; default {@code ASYNCWORKER_FLUSH_TIMEOUT}. */
    public AmqpRouteBuilder flushTimeout(Duration timeout) {
        options.flushTimeout(timeout);
        return this;
    }

    /** The action for undecided messages when the handler returns; default ACK. */
    public AmqpRouteBuilder onSuccess(Action action) {
        options.onSuccess(action);
        return this;
    }

    /** The action for undecided messages when the handler throws; default REQUEUE. */
    public AmqpRouteBuilder onException(Action action) {
        options.onException(action);
        return this;
    }

    /** How many batches may run at once; default bounded only by prefetch. */
    public AmqpRouteBuilder maxConcurrency(int max) {
        options.maxConcurrency(max);
        return this;
    }

    /**
     * A message delivered this many times is rejected (dead-lettered) instead of requeued once its
     * handler ran; one that never reached the handler (e.g. still waiting at stop) is always
     * requeued. Quorum queues count with {@code x-delivery-count}; classic queues are counted by
     * this worker process (publish with a {@code messageId} for exact counts).
     */
    public AmqpRouteBuilder maxDeliveries(int max) {
        options.maxDeliveries(max);
        return this;
    }

    /** Uses the registered AMQP connection with this name. */
    public AmqpRouteBuilder connection(String name) {
        Objects.requireNonNull(name, "connection");
        if (name.isBlank()) {
            throw new IllegalArgumentException("connection must not be blank");
        }
        this.connectionName = name;
        this.connection = null;
        return this;
    }

    /** Uses this connection (registered or not). */
    public AmqpRouteBuilder connection(AmqpConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.connectionName = null;
        return this;
    }

    /**
     * Declares the queues at start and after each reconnect instead of requiring them to exist: a
     * shortcut for declaring them in the connection's {@link AmqpTopology}, with which they are
     * declared (before any consumer) and checked.
     */
    public AmqpRouteBuilder declare(QueueDeclaration declaration) {
        Objects.requireNonNull(declaration, "declare");
        io.asyncworker.rabbitmq.internal.QueueArguments.checkComplete(declaration.arguments());
        this.declaration = declaration;
        return this;
    }

    /**
     * Decodes every body into this type before the handler runs; a body that does not decode is
     * rejected without requeue (dead-lettered with a DLX), logged and counted, and never reaches
     * the handler. {@code m.body(type)} then returns the decoded value.
     */
    public AmqpRouteBuilder bodyType(Class<?> type) {
        this.bodyType = Objects.requireNonNull(type, "bodyType");
        return this;
    }

    /** Finishes the route with a blocking handler. */
    public AmqpRoute handler(BatchHandler<RabbitMQMessage> handler) {
        return new AmqpRoute(this, AsyncBatchHandler.of(Objects.requireNonNull(handler, "handler")));
    }

    /** Finishes the route with a non-blocking handler. */
    public AmqpRoute asyncHandler(AsyncBatchHandler<RabbitMQMessage> handler) {
        return new AmqpRoute(this, Objects.requireNonNull(handler, "handler"));
    }
}
