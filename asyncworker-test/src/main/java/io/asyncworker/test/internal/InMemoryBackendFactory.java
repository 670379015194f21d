package io.asyncworker.test.internal;

import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.Checks;
import io.asyncworker.test.InMemoryBroker;
import io.asyncworker.test.InMemoryRoute;
import java.util.Optional;

/**
 * Plugs the in-memory backend into the core; found through {@code META-INF/services} or given with
 * {@code App.builder().backend(InMemoryBroker.backendFactory())}. Written against the public SPI only,
 * like a third party's backend. Called on the thread that checks or starts the app.
 */
public final class InMemoryBackendFactory implements BackendFactory {

    /** Used by {@link java.util.ServiceLoader}. */
    public InMemoryBackendFactory() {
    }

    @Override
    public RouteType type() {
        return InMemoryRoute.TYPE;
    }

    @Override
    public void validate(BackendContext context) {
        context.routes().forEach(r -> broker(r, context));
    }

    @Override
    public Backend create(BackendContext context) {
        return new InMemoryBackend(context);
    }

    static InMemoryRoute route(Route route) {
        return Checks.routeOf(route, InMemoryRoute.class, "InMemoryRoute.consume(...)");
    }

    /** The broker of a route, by the core's one connection rule. */
    static MemoryBroker broker(Route r, BackendContext context) {
        InMemoryRoute route = route(r);
        InMemoryBroker broker = route.connection().resolve(route, InMemoryBroker.class, "in-memory", context.connections(),
                Optional.empty(), "register one with app.connection(InMemoryBroker.create())");
        if (broker instanceof MemoryBroker memory) {
            return memory;
        }
        throw new IllegalArgumentException("route '" + route.name() + "' uses the broker " + broker.name()
                + ", which is a " + broker.getClass().getName() + ": make brokers with InMemoryBroker.create()");
    }
}
