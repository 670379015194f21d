package io.asyncworker.rabbitmq;

import io.asyncworker.rabbitmq.internal.Names;
import io.asyncworker.rabbitmq.internal.QueueArguments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exchanges, queues and bindings that a connection declares when the app starts, before any
 * consumer subscribes, and again after each reconnect: the queues a route consumes, but also its
 * output and dead-letter queues. Declaring is idempotent; an existing queue or exchange with other
 * arguments fails the start with the broker's reason, and {@code asyncworker check} reports every
 * such difference before {@code run} would fail.
 *
 * <pre>{@code
 * AmqpTopology topology = AmqpTopology.builder()
 *         .exchange(Exchange.topic("orders"))
 *         .exchange(Exchange.fanout("orders.dlx"))
 *         .queue("orders.eu", QueueDeclaration.quorum().deadLetterExchange("orders.dlx"))
 *         .queue("orders.dlq", QueueDeclaration.quorum())
 *         .queue("invoices", QueueDeclaration.quorum())
 *         .bind("orders.eu", "orders", "orders.*.eu")
 *         .bind("orders.dlq", "orders.dlx", "")
 *         .build();
 * app.connection(AmqpConnection.fromEnv().toBuilder().declare(topology).build());
 * }</pre>
 *
 * <p>Order: exchanges first, then queues, then bindings, each in the order given. Declaring the
 * same exchange or queue twice identically is fine; differently, an {@link IllegalArgumentException}.
 * An immutable value; thread-safe. The builder is not thread-safe.
 */
public final class AmqpTopology {
    private static final AmqpTopology EMPTY = new AmqpTopology(Map.of(), Map.of(), Set.of());

    private final Map<String, Exchange> exchanges;
    private final Map<String, QueueDeclaration> queues;
    private final Set<Binding> bindings;

    private AmqpTopology(Map<String, Exchange> exchanges, Map<String, QueueDeclaration> queues, Set<Binding> bindings) {
        this.exchanges = Collections.unmodifiableMap(new LinkedHashMap<>(exchanges));
        this.queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
        this.bindings = Collections.unmodifiableSet(new LinkedHashSet<>(bindings));
    }

    /** {@return a topology that declares nothing} */
    public static AmqpTopology empty() {
        return EMPTY;
    }

    /**
     * A builder of a topology.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the exchanges, in declaration order} */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges.values());
    }

    /** {@return the queues by name, in declaration order; unmodifiable} */
    public Map<String, QueueDeclaration> queues() {
        return queues;
    }

    /** {@return the bindings, in declaration order} */
    public List<Binding> bindings() {
        return List.copyOf(bindings);
    }

    /** {@return whether it declares nothing} */
    public boolean isEmpty() {
        return exchanges.isEmpty() && queues.isEmpty() && bindings.isEmpty();
    }

    /**
     * This topology and another one together.
     *
     * @param other the topology to add
     * @return a new topology with the declarations of both
     * @throws IllegalArgumentException when both declare the same exchange or queue differently
     */
    public AmqpTopology with(AmqpTopology other) {
        Objects.requireNonNull(other, "other");
        return builder().include(this).include(other).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmqpTopology t && t.exchanges.equals(exchanges) && t.queues.equals(queues)
                && t.bindings.equals(bindings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exchanges, queues, bindings);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        exchanges.values().forEach(e -> parts.add(e.toString()));
        queues.forEach((name, q) -> parts.add("queue '" + name + "' (" + q.type() + ", " + q + ")"));
        bindings.forEach(b -> parts.add(b.toString()));
        return "AmqpTopology" + parts;
    }

    /**
     * Collects exchanges, queues and bindings; each method checks its argument at once and throws
     * {@link IllegalArgumentException} naming the problem. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
        private final Map<String, QueueDeclaration> queues = new LinkedHashMap<>();
        private final Set<Binding> bindings = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Declares an exchange.
         *
         * @param exchange the exchange
         * @return this builder
         * @throws IllegalArgumentException when an exchange of the same name was declared differently
         */
        public Builder exchange(Exchange exchange) {
            Objects.requireNonNull(exchange, "exchange");
            Exchange before = exchanges.putIfAbsent(exchange.name(), exchange);
            if (before != null && !before.equals(exchange)) {
                throw new IllegalArgumentException("exchange '" + exchange.name() + "' is declared twice, differently: "
                        + before + " and " + exchange);
            }
            return this;
        }

        /**
         * Declares a queue, e.g. {@code queue("invoices", QueueDeclaration.quorum())}.
         *
         * @param name the queue's name
         * @param declaration how it is declared
         * @return this builder
         * @throws IllegalArgumentException when the name cannot be declared, the arguments are incomplete, or the queue
         *         was declared differently
         */
        public Builder queue(String name, QueueDeclaration declaration) {
            Names.declarable("queue", name);
            Objects.requireNonNull(declaration, "declaration");
            QueueArguments.checkComplete(declaration.arguments());
            QueueDeclaration before = queues.putIfAbsent(name, declaration);
            if (before != null && !before.equals(declaration)) {
                throw new IllegalArgumentException("queue '" + name + "' is declared twice, differently: " + before
                        + " and " + declaration);
            }
            return this;
        }

        /**
         * Declares a binding.
         *
         * @param binding the binding
         * @return this builder
         */
        public Builder bind(Binding binding) {
            bindings.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /**
         * Binds a queue to an exchange with a routing key; see {@link Binding#queue(String, String, String)}.
         *
         * @param queue the queue's name
         * @param exchange the exchange's name
         * @param routingKey the binding key
         * @return this builder
         */
        public Builder bind(String queue, String exchange, String routingKey) {
            return bind(Binding.queue(queue, exchange, routingKey));
        }

        /**
         * Adds everything another topology declares.
         *
         * @param topology the topology whose exchanges, queues and bindings to add
         * @return this builder
         * @throws IllegalArgumentException when it declares an exchange or queue differently than this builder
         */
        public Builder include(AmqpTopology topology) {
            Objects.requireNonNull(topology, "topology");
            topology.exchanges.values().forEach(this::exchange);
            topology.queues.forEach(this::queue);
            topology.bindings.forEach(this::bind);
            return this;
        }

        /**
         * The topology; the builder may go on.
         *
         * @return a new immutable topology of what was declared so far
         */
        public AmqpTopology build() {
            return new AmqpTopology(exchanges, queues, bindings);
        }
    }
}
