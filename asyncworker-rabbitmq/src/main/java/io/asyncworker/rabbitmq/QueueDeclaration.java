package io.asyncworker.rabbitmq;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a route declares its queues at start (and again after each reconnect) instead of
 * requiring them to exist: durable or not, classic or quorum, a dead-letter exchange and any
 * other {@code x-} argument.
 *
 * <pre>{@code
 * AmqpRoute.consume("items")
 *         .declare(QueueDeclaration.quorum().deadLetterExchange("items.dlx"))
 *         .handler(batch -> ...);
 * }</pre>
 *
 * <p>An immutable value: every method returns a new declaration. Thread-safe.
 */
public final class QueueDeclaration {
    private final boolean durable;
    private final Map<String, Object> arguments;

    private QueueDeclaration(boolean durable, Map<String, Object> arguments) {
        this.durable = durable;
        this.arguments = Map.copyOf(arguments);
    }

    /** {@return a durable classic queue} */
    public static QueueDeclaration durable() {
        return new QueueDeclaration(true, Map.of());
    }

    /** {@return a durable quorum queue ({@code x-queue-type=quorum}); it counts deliveries itself} */
    public static QueueDeclaration quorum() {
        return durable().argument("x-queue-type", "quorum");
    }

    /** {@return a non-durable classic queue, gone when the broker restarts} */
    public static QueueDeclaration transientQueue() {
        return new QueueDeclaration(false, Map.of());
    }

    /**
     * Rejected messages go to this exchange ({@code x-dead-letter-exchange}).
     *
     * @param exchange the exchange
     * @return a copy of this queue declaration with the change
     */
    public QueueDeclaration deadLetterExchange(String exchange) {
        return argument("x-dead-letter-exchange", Objects.requireNonNull(exchange, "deadLetterExchange"));
    }

    /**
     * Rejected messages are dead-lettered with this routing key ({@code x-dead-letter-routing-key}).
     *
     * @param routingKey the routing key
     * @return a copy of this queue declaration with the change
     */
    public QueueDeclaration deadLetterRoutingKey(String routingKey) {
        return argument("x-dead-letter-routing-key", Objects.requireNonNull(routingKey, "deadLetterRoutingKey"));
    }

    /**
     * Adds a queue argument such as {@code x-message-ttl}.
     *
     * @param name the name
     * @param value the argument's value
     * @return a copy of this queue declaration with the change
     * @throws IllegalArgumentException when the name is blank
     */
    public QueueDeclaration argument(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("declare argument name must not be blank");
        }
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        copy.put(name, value);
        return new QueueDeclaration(durable, copy);
    }

    /** {@return whether the queue survives a broker restart} */
    public boolean isDurable() {
        return durable;
    }

    /** {@return whether this declares a quorum queue} */
    public boolean isQuorum() {
        return "quorum".equals(arguments.get("x-queue-type"));
    }

    /** {@return the dead-letter exchange, if any} */
    public Optional<String> deadLetterExchange() {
        return Optional.ofNullable((String) arguments.get("x-dead-letter-exchange"));
    }

    /** {@return the queue arguments, unmodifiable} */
    public Map<String, Object> arguments() {
        return arguments;
    }

    @Override
    public String toString() {
        return (durable ? "durable" : "transient") + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
