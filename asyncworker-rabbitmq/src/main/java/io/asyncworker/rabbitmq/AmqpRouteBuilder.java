package io.asyncworker.rabbitmq;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchHandler;
import io.asyncworker.BatchRouteBuilder;
import io.asyncworker.spi.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configures an {@link AmqpRoute}; started by {@link AmqpRoute#consume(String...)} and finished
 * by {@link #handler(BatchHandler)} or {@link #asyncHandler(AsyncBatchHandler)}, which return the
 * immutable route. The batch options are those of every batched route ({@link BatchRouteBuilder});
 * the bulk size is clamped to the connection's prefetch. Each setter validates at once and throws
 * {@link IllegalArgumentException} naming the option. Not thread-safe.
 */
public final class AmqpRouteBuilder extends BatchRouteBuilder<AmqpRouteBuilder, RabbitMQMessage, AmqpConnection, AmqpRoute> {
    private final List<String> queues;
    private QueueDeclaration declaration;

    AmqpRouteBuilder(String... queues) {
        this(checkQueues(queues));
    }

    private AmqpRouteBuilder(List<String> queues) {
        super(String.join(",", queues));
        this.queues = queues;
    }

    private static List<String> checkQueues(String... queues) {
        Objects.requireNonNull(queues, "queues");
        if (queues.length == 0) {
            throw new IllegalArgumentException("queues must not be empty: consume(\"queue\", ...)");
        }
        Set<String> seen = new HashSet<>();
        for (String q : queues) {
            Checks.notBlank("queue", q);
            if (!seen.add(q)) {
                throw new IllegalArgumentException("queues must not repeat a name, got '" + q + "' twice");
            }
        }
        return List.of(queues);
    }

    @Override
    protected AmqpRouteBuilder self() {
        return this;
    }

    @Override
    protected AmqpRoute build(AsyncBatchHandler<RabbitMQMessage> handler) {
        return new AmqpRoute(routeName(), queues, batchOptions(), connectionChoice(), declaration, handler);
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
}
