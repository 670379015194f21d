package io.asyncworker.spi;

import io.asyncworker.App;
import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;

/**
 * What the app gives a backend: its routes and connections, settings, meters and timer, and a
 * place to publish runtime values. Safe to use from any thread.
 */
public interface BackendContext {

    /** {@return the app being run; its state is frozen by the time backends start} */
    App app();

    /** {@return the app's settings} */
    Settings settings();

    /** {@return the routes of this backend's type, in registration order} */
    List<Route> routes();

    /** {@return the connections of this backend's type, in registration order} */
    List<Connection> connections();

    /** {@return the app's meter registry} */
    MeterRegistry meters();

    /**
     * {@return the app's observation registry ({@link App#observations()}): a backend observes
     * each handler run, request and publish with it and propagates trace context through it}
     * By default {@link ObservationRegistry#NOOP}.
     */
    default ObservationRegistry observations() {
        return ObservationRegistry.NOOP;
    }

    /** {@return the app's clock and timer} */
    TimerService timer();

    /**
     * Publishes a value users read with {@link App#find(io.asyncworker.Key)} while the backend runs,
     * e.g. the address the HTTP server bound. Unlike app state it may be set after start.
     *
     * @param <T> the type of the value
     * @param key the key users read the value with
     * @param value the value; replaces one exposed before under the key
     */
    <T> void expose(io.asyncworker.Key<T> key, T value);

    /**
     * Withdraws a value published with {@link #expose}.
     *
     * @param key the key the value was exposed under
     */
    void unexpose(io.asyncworker.Key<?> key);
}
