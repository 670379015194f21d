package io.asyncworker.rabbitmq;

import io.asyncworker.rabbitmq.internal.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A binding to declare: messages from an exchange reach a queue (or another exchange) when the
 * routing key matches, or for a headers exchange when the message headers match. Part of an
 * {@link AmqpTopology}.
 *
 * <pre>{@code
 * Binding.queue("orders.eu", "orders", "orders.*.eu");                   // topic pattern
 * Binding.queue("orders.dlq", "orders.dlx", "");                          // fanout: key ignored
 * Binding.queue("eu-audit", "by-region", "").whereAll(Map.of("region", "eu", "audit", true));
 * Binding.exchange("archive", "orders", "#");                             // exchange to exchange
 * }</pre>
 *
 * <p>Each method checks its argument at once and throws {@link IllegalArgumentException} naming
 * it. An immutable value; thread-safe.
 */
public final class Binding {
    private final boolean toQueue;
    private final String destination;
    private final String source;
    private final String routingKey;
    private final Map<String, Object> arguments;

    private Binding(boolean toQueue, String destination, String source, String routingKey, Map<String, Object> arguments) {
        this.toQueue = toQueue;
        this.destination = destination;
        this.source = source;
        this.routingKey = routingKey;
        this.arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * Binds a queue to an exchange with a routing key (a pattern for topic exchanges, ignored by
     * fanout and headers exchanges).
     *
     * @param queue the queue that receives the messages
     * @param exchange the exchange the messages come from
     * @param routingKey the binding key or pattern; {@code ""} where it is ignored
     * @return the binding
     * @throws IllegalArgumentException when a name is blank, the exchange is the default exchange
     *                                  (which takes no bindings) or a value is longer than 255 bytes
     */
    public static Binding queue(String queue, String exchange, String routingKey) {
        return new Binding(true, Names.reference("queue", queue), source(exchange), key(routingKey), Map.of());
    }

    /**
     * Binds an exchange ({@code destination}) to another ({@code source}) with a routing key.
     *
     * @param destination the exchange that receives the messages
     * @param source the exchange the messages come from
     * @param routingKey the binding key or pattern
     * @return the binding
     */
    public static Binding exchange(String destination, String source, String routingKey) {
        return new Binding(false, Names.reference("destination exchange", destination), source(source), key(routingKey),
                Map.of());
    }

    private static String source(String exchange) {
        Objects.requireNonNull(exchange, "exchange");
        if (exchange.isEmpty()) {
            throw new IllegalArgumentException("exchange must not be the default exchange \"\": it routes by queue name and takes no bindings");
        }
        return Names.reference("exchange", exchange);
    }

    private static String key(String routingKey) {
        return Names.shortEnough("routingKey", Objects.requireNonNull(routingKey, "routingKey"));
    }

    /**
     * For a headers exchange: matches messages that carry every one of these headers with these values.
     *
     * @param headers the headers and values to match, not empty, no name starting with {@code x-}
     * @return a new binding that matches them
     */
    public Binding whereAll(Map<String, ?> headers) {
        return match("all", headers);
    }

    /**
     * For a headers exchange: matches messages that carry at least one of these headers with its value.
     *
     * @param headers the headers and values to match, not empty, no name starting with {@code x-}
     * @return a new binding that matches them
     */
    public Binding whereAny(Map<String, ?> headers) {
        return match("any", headers);
    }

    private Binding match(String mode, Map<String, ?> headers) {
        Objects.requireNonNull(headers, "headers");
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("headers to match must not be empty");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("x-match", mode);
        headers.forEach((k, v) -> {
            Objects.requireNonNull(k, "header name");
            Objects.requireNonNull(v, "header value");
            if (k.startsWith("x-")) {
                throw new IllegalArgumentException("header name '" + k + "' starts with x-, which headers exchanges ignore");
            }
            args.put(k, v);
        });
        return new Binding(toQueue, destination, source, routingKey, args);
    }

    /**
     * Adds any other binding argument.
     *
     * @param name the argument's name
     * @param value the argument's value
     * @return a new binding with the argument
     */
    public Binding argument(String name, Object value) {
        return new Binding(toQueue, destination, source, routingKey, Names.withArgument("binding", arguments, name, value));
    }

    /** {@return whether the destination is a queue (else an exchange)} */
    public boolean toQueue() {
        return toQueue;
    }

    /** {@return the queue or exchange that receives the messages} */
    public String destination() {
        return destination;
    }

    /** {@return the exchange the messages come from} */
    public String source() {
        return source;
    }

    /** {@return the routing key or pattern} */
    public String routingKey() {
        return routingKey;
    }

    /** {@return the binding arguments (header matches); unmodifiable} */
    public Map<String, Object> arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binding b && b.toQueue == toQueue && b.destination.equals(destination)
                && b.source.equals(source) && b.routingKey.equals(routingKey) && b.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toQueue, destination, source, routingKey, arguments);
    }

    @Override
    public String toString() {
        return (toQueue ? "queue '" : "exchange '") + destination + "' <- exchange '" + source + "' on '" + routingKey + "'"
                + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
