package io.asyncworker.rabbitmq;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.internal.RetryQueueNames;
import io.asyncworker.spi.ConnectionChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A route that consumes one or more RabbitMQ queues in batches into one handler.
 *
 * <pre>{@code
 * app.route(AmqpRoute.consume("items", "items-retry")
 *         .bulkSize(500).flushTimeout(Duration.ofSeconds(2))
 *         .onException(Action.REJECT).maxDeliveries(5)
 *         .bodyType(Item.class)                   // undecodable bodies never reach the handler
 *         .declare(QueueDeclaration.quorum().deadLetterExchange("items.dlx"))
 *         .handler(batch -> batch.forEach(m -> save(m.body(Item.class)))));
 * }</pre>
 *
 * <p>Each queue gets its own channel with {@code basic.qos(prefetch)}; all queues of the route
 * feed one bucket. The effective bulk size is {@code min(bulkSize, prefetch)}. The handler runs
 * on a virtual thread; see {@link io.asyncworker.BatchHandler} for the threading contract.
 *
 * <p>An immutable value, built with {@link #consume(String...)}; thread-safe.
 */
public final class AmqpRoute implements Route {
    private final String name;
    private final List<String> queues;
    private final BatchOptions options;
    private final ConnectionChoice<AmqpConnection> connection;
    private final QueueDeclaration declaration;
    private final String parkingLot;
    private final AsyncBatchHandler<RabbitMQMessage> handler;

    AmqpRoute(String name, List<String> queues, BatchOptions options, ConnectionChoice<AmqpConnection> connection,
              QueueDeclaration declaration, String parkingLot, AsyncBatchHandler<RabbitMQMessage> handler) {
        this.name = name;
        this.queues = queues;
        this.options = options;
        this.connection = connection;
        this.declaration = declaration;
        this.parkingLot = parkingLot;
        this.handler = handler;
    }

    /**
     * Starts a route over the given queues.
     *
     * @param queues the queues' names, one or more
     * @return a new builder; finish it with {@code handler(...)}
     * @throws IllegalArgumentException when the list is empty, a name is blank or repeated
     */
    public static AmqpRouteBuilder consume(String... queues) {
        return new AmqpRouteBuilder(queues);
    }

    @Override
    public RouteType type() {
        return RouteType.AMQP_RABBITMQ;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> sources() {
        return queues;
    }

    /** {@return the queues, in the order given} */
    public List<String> queues() {
        return queues;
    }

    /** {@return the batching and outcome options} */
    public BatchOptions options() {
        return options;
    }

    /** {@return the handler, adapted to the asynchronous form} */
    public AsyncBatchHandler<RabbitMQMessage> handler() {
        return handler;
    }

    /** {@return the connection chosen by name or as an object, or none (the only AMQP connection)} */
    public ConnectionChoice<AmqpConnection> connection() {
        return connection;
    }

    /**
     * How the queues are declared at start, if they are.
     *
     * @return the declaration, or empty when the queues must exist already
     */
    public Optional<QueueDeclaration> declaration() {
        return Optional.ofNullable(declaration);
    }

    /**
     * {@return the parking lot named with {@link AmqpRouteBuilder#parkingLot(String)}; empty when each
     * queue parks in its own {@code <queue>.parking-lot} (or the route has no retry policy)}
     */
    public Optional<String> parkingLot() {
        return Optional.ofNullable(parkingLot);
    }

    /** {@return the type every body is decoded into before the handler runs, if any} */
    public Optional<Class<?>> bodyType() {
        return options.bodyType();
    }

    @Override
    public List<RouteOption> describe(Settings settings) {
        List<RouteOption> out = new ArrayList<>();
        out.add(new RouteOption("queues", String.join(", ", queues), Origin.CODE));
        out.addAll(options.describe(settings));
        String conn = connection.describe(null);
        out.add(new RouteOption("connection", conn == null ? "the only AMQP connection" : conn,
                conn == null ? Origin.DEFAULT : Origin.CODE));
        out.add(new RouteOption("declare", declaration == null ? "no (queues must exist)" : declaration.toString(),
                declaration == null ? Origin.DEFAULT : Origin.CODE));
        options.retry().ifPresent(policy -> out.addAll(RetryQueueNames.describe(queues, policy, parkingLot)));
        return out;
    }

    @Override
    public String toString() {
        return "AmqpRoute[" + name + " " + queues + " " + options + "]";
    }
}
