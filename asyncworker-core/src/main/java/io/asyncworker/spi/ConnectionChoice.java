package io.asyncworker.spi;

import io.asyncworker.Connection;
import io.asyncworker.Route;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which connection a route asked for: one given as an object, one named, or none (then the only
 * registered connection of its kind). {@link #resolve} is the one rule every backend applies (SPEC §5).
 * An immutable value.
 *
 * @param <C> the backend's connection type
 */
public final class ConnectionChoice<C extends Connection> {
    private static final ConnectionChoice<?> NONE = new ConnectionChoice<>(null, null);
    private final String name;
    private final C connection;

    private ConnectionChoice(String name, C connection) {
        this.name = name;
        this.connection = connection;
    }

    /**
     * No choice: the only registered connection of the kind.
     *
     * @param <C> the backend's connection type
     * @return the shared empty choice
     */
    @SuppressWarnings("unchecked")
    public static <C extends Connection> ConnectionChoice<C> none() {
        return (ConnectionChoice<C>) NONE;
    }

    /**
     * The registered connection with this name.
     *
     * @param <C> the backend's connection type
     * @param name the name the connection is registered under
     * @return the choice
     * @throws IllegalArgumentException when the name is blank
     */
    public static <C extends Connection> ConnectionChoice<C> named(String name) {
        return new ConnectionChoice<>(Checks.notBlank("connection", name), null);
    }

    /**
     * This connection, registered or not.
     *
     * @param <C> the backend's connection type
     * @param connection the connection
     * @return the choice
     */
    public static <C extends Connection> ConnectionChoice<C> of(C connection) {
        return new ConnectionChoice<>(null, Objects.requireNonNull(connection, "connection"));
    }

    /**
     * The name asked for, if any.
     *
     * @return the name, or empty
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The connection given, if any.
     *
     * @return the connection, or empty
     */
    public Optional<C> connection() {
        return Optional.ofNullable(connection);
    }

    /**
     * The connection's name for listings: the given one's, the name asked for, or {@code fallback}.
     *
     * @param fallback the name shown when no connection was chosen
     * @return the name to show
     */
    public String describe(String fallback) {
        return connection != null ? connection.name() : name != null ? name : fallback;
    }

    /**
     * The connection of a route: the one given, else the registered one of the type with the name
     * asked for, else the only registered one of the type, else {@code whenNone}.
     *
     * @param kind       how the connections are called in messages, e.g. "AMQP"
     * @param registered the app's connections of the route's type
     * @param whenNone   what to use when none is registered; empty makes that an error saying {@code hint}
     * @param route the route, named in error messages
     * @param type the backend's connection class
     * @param hint what the user is to do when no connection is registered
     * @return the connection the route uses
     * @throws IllegalArgumentException naming the route when there is no clear choice
     */
    public C resolve(Route route, Class<C> type, String kind, List<Connection> registered, Optional<Supplier<C>> whenNone,
                     String hint) {
        if (connection != null) {
            return connection;
        }
        List<C> all = registered.stream().filter(type::isInstance).map(type::cast).toList();
        if (name != null) {
            return all.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("route '" + route.name() + "' uses " + kind
                            + " connection '" + name + "' but none is registered with that name (registered: " + names(all) + ")"));
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            return whenNone.map(Supplier::get).orElseThrow(() -> new IllegalArgumentException("route '" + route.name()
                    + "' needs an " + kind + " connection: " + hint));
        }
        throw new IllegalArgumentException("route '" + route.name() + "' must choose one of the " + kind
                + " connections " + names(all) + " with connection(\"name\")");
    }

    private static String names(List<? extends Connection> all) {
        return all.isEmpty() ? "none" : all.stream().map(Connection::name).collect(Collectors.joining(", "));
    }
}
