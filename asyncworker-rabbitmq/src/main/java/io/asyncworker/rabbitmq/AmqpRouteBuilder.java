package io.asyncworker.rabbitmq;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.BatchRouteBuilder;
import io.asyncworker.RetryPolicy;
import io.asyncworker.rabbitmq.internal.HeaderValues;
import io.asyncworker.rabbitmq.internal.RetryQueueNames;
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
    private String parkingLot;

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
        BatchOptions options = batchOptions();
        if (parkingLot != null && options.retry().isEmpty()) {
            throw new IllegalArgumentException("parkingLot('" + parkingLot + "') needs a retry policy: "
                    + ".retry(RetryPolicy.builder()...build())");
        }
        return new AmqpRoute(routeName(), queues, options, connectionChoice(), declaration, parkingLot, handler);
    }

    /**
     * Retries failed messages on the broker, never in the worker (SPEC §14): a message to retry is
     * republished, with publisher confirms, to a delay queue {@code <queue>.retry.<delay>} (one per
     * distinct delay of the policy, e.g. {@code items.retry.5s}) whose message TTL dead-letters it back
     * to its queue, and only then acked; its attempt travels in the {@link RetryHeaders#ATTEMPT}
     * header. So retries survive restarts, count exactly across many workers and on classic queues,
     * keep the message's properties and headers, and hold no prefetch slot while they wait. After
     * the last attempt (or {@code park}) the message goes to the parking lot,
     * {@code <queue>.parking-lot} unless {@link #parkingLot(String)} names one, with the
     * {@link RetryHeaders}. The framework declares these queues with each queue, on every start and
     * reconnect, idempotently across replicas. Delays are the policy's nominal ones: a delay queue
     * has one TTL, so broker-side retries take no jitter.
     *
     * <p>Publish first, ack after: a crash between the two leaves the message both in its queue and
     * in the delay queue or parking lot, so it is delivered twice, never lost. A copy the broker does
     * not confirm is not acked; the message is requeued instead. The connection must keep publisher
     * confirms on (the default).
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalArgumentException when {@code onException} is set too, the policy has more than
     *                                  50 distinct delays (each a queue), or a derived queue name would
     *                                  exceed 255 bytes
     */
    @Override
    public AmqpRouteBuilder retry(RetryPolicy policy) {
        RetryQueueNames.check(queues, Objects.requireNonNull(policy, "retry"), parkingLot);
        return super.retry(policy);
    }

    /**
     * Parks the route's messages in this queue instead of each queue's own {@code <queue>.parking-lot};
     * declared like the route's delay queues. Its messages name their queue in the
     * {@link RetryHeaders#QUEUE} header, where {@code asyncworker parking-lot replay} moves them back.
     * Needs {@link #retry(RetryPolicy)}.
     *
     * @param queue the parking-lot queue; not one of the route's queues, at most 255 UTF-8 bytes
     * @return this builder
     * @throws IllegalArgumentException when blank, too long, or one of the route's queues
     */
    public AmqpRouteBuilder parkingLot(String queue) {
        Checks.notBlank("parkingLot", queue);
        HeaderValues.shortString("parkingLot", queue);
        if (queues.contains(queue)) {
            throw new IllegalArgumentException("parkingLot must not be one of the route's queues, got '" + queue + "'");
        }
        this.parkingLot = queue;
        return this;
    }

    /**
     * Declares the queues at start and after each reconnect instead of requiring them to exist: a
     * shortcut for declaring them in the connection's {@link AmqpTopology}, with which they are
     * declared (before any consumer) and checked.
     *
     * @param declaration how every queue of the route is declared
     * @return this builder
     */
    public AmqpRouteBuilder declare(QueueDeclaration declaration) {
        Objects.requireNonNull(declaration, "declare");
        io.asyncworker.rabbitmq.internal.QueueArguments.checkComplete(declaration.arguments());
        this.declaration = declaration;
        return this;
    }
}
