package io.asyncworker.rabbitmq;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
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
    private final Config b;
    private final BatchOptions options;
    private final AsyncBatchHandler<RabbitMQMessage> handler;

    /** A snapshot of the builder's values, so that later builder calls do not change the route. */
    private record Config(String name, List<String> queues, String connectionName, AmqpConnection connection,
                          QueueDeclaration declaration, Class<?> bodyType) {
    }

    AmqpRoute(AmqpRouteBuilder b, AsyncBatchHandler<RabbitMQMessage> handler) {
        this.b = new Config(b.name, b.queues, b.connectionName, b.connection, b.declaration, b.bodyType);
        this.options = b.options.build();
        this.handler = handler;
    }

    /**
     * Starts a route over the given queues.
     *
     * @param queues the queues to consume, at least one
     * @return a builder for the route
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
        return b.name();
    }

    @Override
    public List<String> sources() {
        return b.queues();
    }

    /** {@return the queues, in the order given} */
    public List<String> queues() {
        return b.queues();
    }

    /** {@return the batching and outcome options} */
    public BatchOptions options() {
        return options;
    }

    /** {@return the handler, adapted to the asynchronous form} */
    public AsyncBatchHandler<RabbitMQMessage> handler() {
        return handler;
    }

    /** {@return the connection chosen by name, if any} */
    public Optional<String> connectionName() {
        return Optional.ofNullable(b.connectionName());
    }

    /** {@return the connection chosen as an object, if any} */
    public Optional<AmqpConnection> connection() {
        return Optional.ofNullable(b.connection());
    }

    /** {@return how the queues are declared at start, if they are} */
    public Optional<QueueDeclaration> declaration() {
        return Optional.ofNullable(b.declaration());
    }

    /** {@return the type every body is decoded into before the handler runs, if any} */
    public Optional<Class<?>> bodyType() {
        return Optional.ofNullable(b.bodyType());
    }

    @Override
    public List<RouteOption> describe(Settings settings) {
        List<RouteOption> out = new ArrayList<>();
        out.add(new RouteOption("queues", String.join(", ", b.queues()), Origin.CODE));
        out.addAll(options.describe(settings));
        String conn = b.connection() != null ? b.connection().name() : b.connectionName();
        out.add(new RouteOption("connection", conn == null ? "the only AMQP connection" : conn,
                conn == null ? Origin.DEFAULT : Origin.CODE));
        out.add(new RouteOption("declare", b.declaration() == null ? "no (queues must exist)" : b.declaration().toString(),
                b.declaration() == null ? Origin.DEFAULT : Origin.CODE));
        out.add(new RouteOption("bodyType", b.bodyType() == null ? "none" : b.bodyType().getName(),
                b.bodyType() == null ? Origin.DEFAULT : Origin.CODE));
        return out;
    }

    @Override
    public String toString() {
        return "AmqpRoute[" + b.name() + " " + b.queues() + " " + options + "]";
    }
}
