package io.asyncworker.internal.app;

import io.asyncworker.App;
import io.asyncworker.Connection;
import io.asyncworker.Key;
import io.asyncworker.Route;
import io.asyncworker.Settings;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;

/** The immutable context handed to one backend. */
record Context(App app, Settings settings, List<Route> routes, List<Connection> connections,
               MeterRegistry meters, TimerService timer, ObservationRegistry observations,
               AppState state) implements BackendContext {
    Context {
        routes = List.copyOf(routes);
        connections = List.copyOf(connections);
    }

    @Override
    public <T> void expose(Key<T> key, T value) {
        state.expose(key, value);
    }

    @Override
    public void unexpose(Key<?> key) {
        state.unexpose(key);
    }
}
