package io.asyncworker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kind of a route; each kind is served by one backend, found through
 * {@link io.asyncworker.spi.BackendFactory#type()}. An open value: the four built-in kinds are
 * constants, and a third-party backend names its own with {@link #of(String)} (e.g.
 * {@code RouteType.of("KAFKA")}). Immutable; equal when the names are.
 */
public final class RouteType {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Consumes RabbitMQ queues in batches. */
    public static final RouteType AMQP_RABBITMQ = new RouteType("AMQP_RABBITMQ");
    /** Consumes remote Server-Sent-Events streams in batches. */
    public static final RouteType SSE = new RouteType("SSE");
    /** Serves HTTP requests. */
    public static final RouteType HTTP = new RouteType("HTTP");
    /** Runs recurring tasks. */
    public static final RouteType SCHEDULE = new RouteType("SCHEDULE");

    private final String name;

    private RouteType(String name) {
        this.name = name;
    }

    /**
     * The route type with this name.
     *
     * @param name upper-case letters, digits and underscores, starting with a letter
     * @return the route type; equal to every other one of the same name
     * @throws IllegalArgumentException when the name is not of that form
     */
    public static RouteType of(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("route type name must be upper-case letters, digits and _ "
                    + "starting with a letter, got '" + name + "'");
        }
        return new RouteType(name);
    }

    /** {@return the type's name, e.g. {@code AMQP_RABBITMQ}} */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteType t && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
