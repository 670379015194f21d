package io.asyncworker;

import io.asyncworker.internal.app.DefaultApp;
import io.asyncworker.spi.BackendFactory;
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

    /**
     * An app with settings from the process's {@code ASYNCWORKER_*} variables.
     *
     * @return a new, unstarted app
     */
    static App create() {
        return create(Settings.fromEnv());
    }

    /**
     * An app with the given settings and the system clock.
     *
     * @param settings the settings the app and its backends read their options from
     * @return a new, unstarted app
     */
    static App create(Settings settings) {
        return builder().settings(settings).build();
    }

    /**
     * A builder for an app whose infrastructure is given rather than found: settings, the clock and
     * timer (e.g. a {@code ManualTimerService} in tests), backends not on the class path.
     *
     * @return a new builder with every part at its default
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
        /**
         * The settings; default {@link Settings#fromEnv()}.
         *
         * @param settings the settings the app and its backends read their options from
         * @return this builder
         */
        Builder settings(Settings settings);

        /**
         * The clock and timer of every timing rule; default the system's. The app closes it.
         *
         * @param timer the timer service; closed when the app is closed
         * @return this builder
         */
        Builder timer(TimerService timer);

        /**
         * Uses this backend for its route type instead of the one found on the class path.
         *
         * @param factory the backend, which replaces the class path's one for {@link BackendFactory#type()}
         * @return this builder
         */
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
         * @return the new, unstarted app
         * @throws IllegalArgumentException when a setting of a given backend is invalid
         */
        App build();
    }

    /**
     * Registers a route.
     *
     * @param route the route, built by its backend's builder
     * @return this app
     * @throws IllegalArgumentException when another route has the same name
     * @throws IllegalStateException    after {@link #start()}
     */
    App route(Route route);

    /**
     * Registers a connection; the only one of its type is every route's default.
     *
     * @param connection the connection, used by the routes that name it or by default
     * @return this app
     * @throws IllegalArgumentException when another connection of its type has the same name
     * @throws IllegalStateException    after {@link #start()}
     */
    App connection(Connection connection);

    /**
     * Adds a hook run at start, before any backend, in registration order.
     *
     * @param hook the hook, given this app; one that throws fails {@link #start()}
     * @return this app
     * @throws IllegalStateException after {@link #start()}
     */
    App onStartup(LifecycleHook hook);

    /**
     * Adds a hook run at stop, after every batch drained, in reverse registration order.
     *
     * @param hook the hook, given this app
     * @return this app
     * @throws IllegalStateException after {@link #start()}
     */
    App onShutdown(LifecycleHook hook);

    /**
     * Stores app state; allowed until the startup hooks are done.
     *
     * @param <T> the type of the value
     * @param key the key to store the value under; a later put with the same key replaces it
     * @param value the value
     * @return this app
     * @throws IllegalStateException once the app has started
     */
    <T> App put(Key<T> key, T value);

    /**
     * Reads app state.
     *
     * @param <T> the type of the value
     * @param key the key the value was stored under
     * @return the value stored under the key
     * @throws java.util.NoSuchElementException naming the key when nothing is stored under it
     */
    <T> T get(Key<T> key);

    /**
     * Reads app state, or a value a backend publishes while it runs (e.g. {@code HttpAddress.KEY});
     * empty when nothing is stored under the key.
     *
     * @param <T> the type of the value
     * @param key the key the value was stored or published under
     * @return the value, or empty
     */
    <T> Optional<T> find(Key<T> key);

    /** {@return the app's settings} */
    Settings settings();

    /** {@return the meter registry every backend reports to; add registries to it to export} */
    CompositeMeterRegistry meters();

    /**
     * {@return the observation registry of every handler run, request, schedule run and publish;
     * {@link ObservationRegistry#NOOP} unless {@link Builder#observations} gave one}
     */
    ObservationRegistry observations();

    /** {@return the registered routes, in order} */
    List<Route> routes();

    /** {@return the registered connections, in order} */
    List<Connection> connections();

    /**
     * Probes every backend's external systems without starting the app: brokers reachable,
     * credentials right, queues and streams there. Runs no hook and consumes nothing.
     *
     * @return one line per problem; empty when the app could start
     */
    List<String> check();

    /** {@return a snapshot of every backend component's state} */
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

    /** {@return whether the app has started and is not stopping} */
    boolean isRunning();
}
