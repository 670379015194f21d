package io.asyncworker.spi;

import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import java.util.List;
import java.util.Optional;

/**
 * How a backend module plugs into the core. Each module registers one implementation in
 * {@code META-INF/services/io.asyncworker.spi.BackendFactory}; the app finds it with
 * {@link java.util.ServiceLoader}, or takes one given to {@link io.asyncworker.App.Builder#backend}.
 * The core knows no backend: everything it needs to know of one comes through this interface.
 *
 * <p>Implementations must have a public no-argument constructor and be cheap to create: the core
 * also instantiates them to learn their {@link #settings()} when settings are created. Called on the
 * thread that creates settings, checks or starts the app.
 */
public interface BackendFactory {

    /** Start phase of servers that report health (they start first). */
    int PHASE_SERVER = 100;
    /** Start phase of message consumers. */
    int PHASE_CONSUMER = 200;
    /** Start phase of stream clients. */
    int PHASE_STREAM = 300;
    /** Start phase of schedules, which may publish to what started before them. */
    int PHASE_SCHEDULE = 400;

    /** {@return the route type this backend serves} */
    RouteType type();

    /**
     * The {@code ASYNCWORKER_*} settings this backend reads. They are validated with the core's
     * when settings are created, listed by {@code asyncworker routes}, and known to the check for
     * misspelt variable names.
     *
     * @return the settings; empty by default
     */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /**
     * When this backend starts relative to the others: lower phases start first and stop their
     * intake last. One of the {@code PHASE_*} constants, or a number between them.
     *
     * @return the start phase; {@link #PHASE_CONSUMER} by default
     */
    default int startPhase() {
        return PHASE_CONSUMER;
    }

    /**
     * Whether the backend must start; by default when it has routes. A server that serves metrics
     * and health also starts without routes, a broker backend for a publish-only connection (so
     * that the app closes it).
     *
     * @param context the routes and connections of this backend's type, and the settings
     * @return whether the app creates and starts this backend
     */
    default boolean isNeeded(BackendContext context) {
        return !context.routes().isEmpty();
    }

    /**
     * Checks this backend's routes and connections before anything starts, e.g. that every route
     * names a registered connection.
     *
     * @param context the routes and connections of this backend's type, and the settings
     * @throws IllegalArgumentException naming what is wrong
     */
    default void validate(BackendContext context) {
    }

    /**
     * Probes the external systems this backend's routes need, without consuming or serving: is the
     * broker reachable, are the credentials right, do the queues exist with the declared
     * arguments. Used by {@code asyncworker check}; opens and closes its own connections.
     *
     * @param context the routes and connections of this backend's type, and the settings
     * @return one line per problem, naming the connection, queue or URL; empty when all is well
     */
    default List<String> check(BackendContext context) {
        return List.of();
    }

    /**
     * The module that provides a {@link DevService} for this backend's type, as Maven coordinates
     * (e.g. {@code io.asyncworker:asyncworker-devbroker}): the command line names it when dev mode
     * finds no dev service of this type on the class path. Empty (the default) when the backend
     * needs no external system or none can be provided for it.
     *
     * @return the module's {@code groupId:artifactId}, or empty
     */
    default Optional<String> devServiceModule() {
        return Optional.empty();
    }

    /**
     * The parking lots of this backend's routes (SPEC §14), for {@code asyncworker parking-lot};
     * none by default. Creating them opens nothing: each {@link ParkingLot} call opens and closes
     * its own connections.
     *
     * @param context the routes and connections of this backend's type, and the settings
     * @return one lot per distinct parking place, in route order
     */
    default List<ParkingLot> parkingLots(BackendContext context) {
        return List.of();
    }

    /**
     * Creates the backend for one app run; it starts later with {@link Backend#start()}.
     *
     * @param context the routes and connections of this backend's type, the settings, timer and meters
     * @return the backend, not yet started
     */
    Backend create(BackendContext context);
}
