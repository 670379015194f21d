package io.asyncworker.test;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.BatchRouteBuilder;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.spi.Checks;
import io.asyncworker.spi.ConnectionChoice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A route that consumes queues of an {@link InMemoryBroker} in batches, with every option of a batched
 * route (bulk size, flush timeout, outcomes, concurrency, delivery limit, body type).
 *
 * <pre>{@code
 * app.route(InMemoryRoute.consume("orders")
 *         .bulkSize(10).flushTimeout(Duration.ofSeconds(1))
 *         .maxDeliveries(3).bodyType(Order.class)
 *         .handler(batch -> batch.forEach(m -> save(m.body(Order.class)))));
 * }</pre>
 *
 * <p>The effective bulk size is {@code min(bulkSize, prefetch)} of its broker. An immutable value,
 * built with {@link #consume(String...)}; thread-safe.
 */
public final class InMemoryRoute implements Route {
    /** The route type of the in-memory backend. */
    public static final RouteType TYPE = RouteType.of("IN_MEMORY");

    private final String name;
    private final List<String> queues;
    private final BatchOptions options;
    private final ConnectionChoice<InMemoryBroker> connection;
    private final AsyncBatchHandler<InMemoryMessage> handler;

    private InMemoryRoute(String name, List<String> queues, BatchOptions options,
                          ConnectionChoice<InMemoryBroker> connection, AsyncBatchHandler<InMemoryMessage> handler) {
        this.name = name;
        this.queues = queues;
        this.options = options;
        this.connection = connection;
        this.handler = handler;
    }

    /**
     * Starts a route over the given queues.
     *
     * @param queues one or more queue names, none blank or repeated
     * @return the route's builder
     * @throws IllegalArgumentException when the list is empty, a name is blank or repeated
     */
    public static Builder consume(String... queues) {
        return new Builder(queues);
    }

    @Override
    public RouteType type() {
        return TYPE;
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
    public AsyncBatchHandler<InMemoryMessage> handler() {
        return handler;
    }

    /** {@return the broker chosen by name or as an object, or none (the only registered one)} */
    public ConnectionChoice<InMemoryBroker> connection() {
        return connection;
    }

    @Override
    public List<RouteOption> describe(Settings settings) {
        List<RouteOption> out = new ArrayList<>();
        out.add(new RouteOption("queues", String.join(", ", queues), Origin.CODE));
        out.addAll(options.describe(settings));
        String broker = connection.describe(null);
        out.add(new RouteOption("connection", broker == null ? "the only in-memory broker" : broker,
                broker == null ? Origin.DEFAULT : Origin.CODE));
        return out;
    }

    @Override
    public String toString() {
        return "InMemoryRoute[" + name + " " + queues + " " + options + "]";
    }

    /**
     * Configures an {@link InMemoryRoute}; the options are those of every batched route
     * ({@link BatchRouteBuilder}). {@link #handler} or {@link #asyncHandler} builds the immutable
     * route. Each setter validates at once and throws {@link IllegalArgumentException} naming the
     * option. Not thread-safe.
     */
    public static final class Builder extends BatchRouteBuilder<Builder, InMemoryMessage, InMemoryBroker, InMemoryRoute> {
        private final List<String> queues;

        private Builder(String... queues) {
            this(checked(queues));
        }

        private Builder(List<String> queues) {
            super(String.join(",", queues));
            this.queues = queues;
        }

        private static List<String> checked(String[] queues) {
            List<String> list = List.of(Objects.requireNonNull(queues, "queues"));
            if (list.isEmpty()) {
                throw new IllegalArgumentException("queues must name at least one queue: consume(\"orders\")");
            }
            list.forEach(q -> Checks.notBlank("queue", q));
            if (new LinkedHashSet<>(list).size() < list.size()) {
                throw new IllegalArgumentException("queues must be different from each other, got " + list);
            }
            return list;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected InMemoryRoute build(AsyncBatchHandler<InMemoryMessage> handler) {
            return new InMemoryRoute(routeName(), queues, batchOptions(), connectionChoice(), handler);
        }
    }
}
