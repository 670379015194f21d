package io.asyncworker;

import io.asyncworker.internal.app.DefaultApp;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
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

    /** {@return an app with settings from the process's {@code ASYNCWORKER_*} variables} */
    static App create() {
        return create(Settings.fromEnv());
    }

    /**
     * {@return an app with the given settings and the system clock}
     *
     * @param settings the settings
     */
    static App create(Settings settings) {
        return create(settings, TimerService.system());
    }

    /**
     * {@return an app with the given settings and timer, e.g. a {@code ManualTimerService} in tests} The
     * app closes the timer in {@link #close()}.
     *
     * @param settings the settings
     * @param timer the clock and timer
     */
    static App create(Settings settings, TimerService timer) {
        return new DefaultApp(settings, timer);
    }

    /**
     * Registers a route.
     *
     * @param route the route to register
     * @return this app
     * @throws IllegalArgumentException when another route has the same name
     * @throws IllegalStateException    after {@link #start()}
     */
    App route(Route route);

    /**
     * Registers a connection; the only one of its type is every route's default.
     *
     * @param connection the connection
     * @return this app
     * @throws IllegalArgumentException when another connection of its type has the same name
     * @throws IllegalStateException    after {@link #start()}
     */
    App connection(Connection connection);

    /**
     * Uses this backend for its route type instead of the one found on the class path.
     *
     * @param factory the backend factory
     * @return this app
     */
    App backend(BackendFactory factory);

    /**
     * Adds a hook run at start, before any backend, in registration order.
     *
     * @param hook the hook
     * @return this app
     */
    App onStartup(LifecycleHook hook);

    /**
     * Adds a hook run at stop, after every batch drained, in reverse registration order.
     *
     * @param hook the hook
     * @return this app
     */
    App onShutdown(LifecycleHook hook);

    /**
     * Stores app state; allowed until the startup hooks are done.
     *
     * @param <T> the value type
     * @param key the key
     * @param value the value to store
     * @return this app
     * @throws IllegalStateException once the app has started
     */
    <T> App put(Key<T> key, T value);

    /**
     * Reads app state.
     *
     * @param <T> the value type
     * @param key the key
     * @return the stored value
     * @throws java.util.NoSuchElementException naming the key when nothing is stored under it
     */
    <T> T get(Key<T> key);

    /**
     * Reads app state, empty when nothing is stored under the key.
     *
     * @param <T> the value type
     * @param key the key
     * @return the stored value, or empty
     */
    <T> Optional<T> find(Key<T> key);

    /** {@return the app's settings} */
    Settings settings();

    /** {@return the meter registry every backend reports to; add registries to it to export} */
    CompositeMeterRegistry meters();

    /** {@return the app's clock and timer} */
    TimerService timer();

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
