package io.asyncworker.spi;

import io.asyncworker.RouteType;
import java.util.List;

/**
 * How a backend module plugs into the core. Each module registers one implementation in
 * {@code META-INF/services/io.asyncworker.spi.BackendFactory}; the app finds it at
 * {@code start()} with {@link java.util.ServiceLoader}, or takes one given to
 * {@link io.asyncworker.App#backend(BackendFactory)}.
 *
 * <p>Called once per app start, on the starting thread.
 */
public interface BackendFactory {

    /** {@return the route type this backend serves} */
    RouteType type();

    /**
     * {@return whether the backend must start; by default when it has routes} The HTTP backend also
     * starts for the built-in metrics and health routes, the RabbitMQ backend for a publish-only
     * connection (so that the app closes it).
     *
     * @param context the routes and connections of this backend's type, and the settings
     */
    default boolean isNeeded(BackendContext context) {
        return !context.routes().isEmpty();
    }

    /**
     * Checks this backend's routes and connections before anything starts, e.g. that every route
     * names a registered connection.
     *
     * @param context the backend's context
     * @throws IllegalArgumentException naming what is wrong
     */
    default void validate(BackendContext context) {
    }

    /**
     * Probes the external systems this backend's routes need, without consuming or serving: is the
     * broker reachable, are the credentials right, do the queues exist. Used by
     * {@code asyncworker check}; opens and closes its own connections.
     *
     * @param context the backend's context
     * @return one line per problem, naming the connection, queue or URL; empty when all is well
     */
    default List<String> check(BackendContext context) {
        return List.of();
    }

    /**
     * Creates the backend for one app run; it starts later with {@link Backend#start()}.
     *
     * @param context the backend's context
     * @return a new, not yet started backend
     */
    Backend create(BackendContext context);
}
