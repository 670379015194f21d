package io.asyncworker.test.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.Route;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The in-memory backend of one app run: a {@link MemoryRoute} per route. Called by the app as {@link Backend} says. */
final class InMemoryBackend implements Backend {
    private final BackendContext ctx;
    private final List<MemoryRoute> routes = new CopyOnWriteArrayList<>();

    InMemoryBackend(BackendContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        for (Route r : ctx.routes()) {
            MemoryRoute route = new MemoryRoute(InMemoryBackendFactory.route(r), InMemoryBackendFactory.broker(r, ctx), ctx);
            routes.add(route);
            route.start();
        }
    }

    @Override
    public void stopIntake() {
        routes.forEach(MemoryRoute::stopIntake);
    }

    /** Drains the routes side by side, so that each has the whole budget. */
    @Override
    public void drain(Duration budget) {
        try (ExecutorService drains = Executors.newVirtualThreadPerTaskExecutor()) {
            routes.forEach(r -> drains.submit(() -> r.drain(budget)));
        }
    }

    @Override
    public void close() {
        routes.forEach(MemoryRoute::close);
    }

    @Override
    public List<ComponentHealth> health() {
        return routes.stream().flatMap(r -> r.health().stream()).toList();
    }
}
