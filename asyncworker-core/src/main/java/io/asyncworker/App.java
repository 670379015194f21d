package io.asyncworker;

import io.asyncworker.internal.app.DefaultApp;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.ParkingLot;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Optional;

/**
 * A worker: routes per backend, connections, typed state and lifecycle hooks.
 *
 * <pre>{@code
 * App app = App.create();
 * app.connection(AmqpConnection.fromEnv());
 * app.route(AmqpRoute.consume("items").bulkSize(100).handler(batch -> save(batch)));
 * app.onStartup(a -> a.put(DB, Db.connect()));
 * app.onShutdown(a -> a.get(DB).close());
 * app.run();   // blocks until SIGTERM/SIGINT, then stops gracefully
 * }</pre>
 *
 * <p>Configure an app from one thread, then start it. {@link #start()}, {@link #stop()} and
 * {@link #close()} are thread-safe and idempotent; {@link #get}, {@link #health()} and the other
 * readers may be called from any thread. Start runs: route validation, the startup hooks in
 * order, then the backends. Stop runs: stop intake, drain every batch within
 * {@code ASYNCWORKER_SHUTDOWN_TIMEOUT}, the shutdown hooks in reverse order, close connections.
 */
public interface App extends AutoCloseable {

    /** An app with settings from the process's {@code ASYNCWORKER_*} variables. */
    static App create() {
        return create(Settings.fromEnv());
    }

    /** An app with the given settings and the system clock. */
    static App create(Settings settings) {
        return builder().settings(settings).build();
    }

    /**
     * A builder for an app whose infrastructure is given rather than found: settings, the clock and
     * timer (e.g. a {@code ManualTimerService} in tests), backends not on the class path.
     */
    static Builder builder() {
        return new io.asyncworker.internal.app.AppBuilder();
    }

    /**
     * Builds an {@link App} from given infrastructure; each part left out takes its default. Not
     * thread-safe; the app it builds is.
     *
     * <pre>{@code
     * App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build();
     * }</pre>
     */
    interface Builder {
        /** The settings; default {@link Settings#fromEnv()}. */
        Builder settings(Settings settings);

        /** The clock and timer of every timing rule; default the system's. The app closes it. */
        Builder timer(TimerService timer);

        /** Uses this backend for its route type instead of the one found on the class path. */
        Builder backend(BackendFactory factory);

        /**
         * The registry every handler run, HTTP request, schedule run, publish and SSE request is
         * observed with (SPEC §16); default {@link ObservationRegistry#NOOP}, which costs nothing.
         * Register a tracing handler on it (e.g. with {@code asyncworker-tracing}) to propagate W3C
         * trace context and record spans.
         *
         * <pre>{@code
         * ObservationRegistry observations = ObservationRegistry.create();
         * AsyncWorkerTracing.install(observations, tracer, propagator);
         * App app = App.builder().observations(observations).build();
         * }</pre>
         *
         * @param registry the registry; its handlers are configured by the caller
         * @return this builder
         */
        Builder observations(ObservationRegistry registry);

        /**
         * Builds the app.
         *
         * @throws IllegalArgumentException when a setting of a given backend is invalid
         */
        App build();
    }

    /**
     * Registers a route.
     *
     * @throws IllegalArgumentException when another route has the same name
     * @throws IllegalStateException    after {@link #start()}
     */
    App route(Route route);

    /**
     * Registers a connection; the only one of its type is every route's default.
     *
     * @throws IllegalArgumentException when another connection of its type has the same name
     * @throws IllegalStateException    after {@link #start()}
     */
    App connection(Connection connection);

    /** Adds a hook run at start, before any backend, in registration order. */
    App onStartup(LifecycleHook hook);

    /** Adds a hook run at stop, after every batch drained, in reverse registration order. */
    App onShutdown(LifecycleHook hook);

    /**
     * Stores app state; allowed until the startup hooks are done.
     *
     * @throws IllegalStateException once the app has started
     */
    <T> App put(Key<T> key, T value);

    /**
     * Reads app state.
     *
     * @throws java.util.NoSuchElementException naming the key when nothing is stored under it
     */
    <T> T get(Key<T> key);

    /**
     * Reads app state, or a value a backend publishes while it runs (e.g. {@code HttpAddress.KEY});
     * empty when nothing is stored under the key.
     */
    <T> Optional<T> find(Key<T> key);

    /** The app's settings. */
    Settings settings();

    /** The meter registry every backend reports to; add registries to it to export. */
    CompositeMeterRegistry meters();

    /**
     * {@return the observation registry of every handler run, request, schedule run and publish;
     * {@link ObservationRegistry#NOOP} unless {@link Builder#observations} gave one}
     */
    ObservationRegistry observations();

    /** The registered routes, in order. */
    List<Route> routes();

    /** The registered connections, in order. */
    List<Connection> connections();

    /**
     * Probes every backend's external systems without starting the app: brokers reachable,
     * credentials right, queues and streams there. Runs no hook and consumes nothing.
     *
     * @return one line per problem; empty when the app could start
     */
    List<String> check();

    /**
     * The parking lots of the app's routes (SPEC §14), from every backend that has them, for tools
     * such as {@code asyncworker parking-lot}; works without starting the app. Opens nothing: each
     * lot's methods open and close their own connections.
     *
     * @return the lots, in backend and route order; empty when no route parks messages
     * @throws IllegalArgumentException when a route or connection is invalid
     */
    List<ParkingLot> parkingLots();

    /** A snapshot of every backend component's state. */
    Health health();

    /**
     * Starts the app; blocks until every backend has started.
     *
     * @throws IllegalArgumentException when a route or connection is invalid
     * @throws IllegalStateException    wrapping the cause when a hook or backend fails; what
     *                                  started has been stopped again
     */
    void start();

    /** Stops gracefully (see the class comment); blocks until done. */
    void stop();

    /** Same as {@link #stop()}, then releases the timer. */
    @Override
    void close();

    /** Starts, waits for SIGTERM or SIGINT (or {@link #stop()} from elsewhere), then stops. */
    void run();

    /** Whether the app has started and is not stopping. */
    boolean isRunning();
}
