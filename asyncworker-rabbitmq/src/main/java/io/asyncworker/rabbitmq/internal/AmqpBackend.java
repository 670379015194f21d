package io.asyncworker.rabbitmq.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RabbitMQ backend of one app run: a consuming connection per {@link AmqpConnection} in use,
 * a {@link RouteRuntime} per route. Called by the app as {@link Backend} says.
 */
final class AmqpBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpBackend.class);
    private final BackendContext ctx;
    private final Map<AmqpConnection, ConsumerConnection> connections = new IdentityHashMap<>();
    private final List<RouteRuntime> routes = new ArrayList<>();
    private final Set<AmqpConnection> publishers = new LinkedHashSet<>();

    AmqpBackend(BackendContext ctx) {
        this.ctx = ctx;
        for (Connection c : ctx.connections()) {
            if (c instanceof AmqpConnection a) {
                publishers.add(a);
            }
        }
    }

    @Override
    public void start() {
        for (Route r : ctx.routes()) {
            AmqpRoute route = ConnectionResolver.amqp(r);
            AmqpConnection config = ConnectionResolver.resolve(route, ctx.connections());
            publishers.add(config);
            ConsumerConnection conn = connections.computeIfAbsent(config, c -> new ConsumerConnection(c, ctx.timer()));
            synchronized (routes) {
                routes.add(new RouteRuntime(route, conn, ctx));
            }
        }
        connections.values().forEach(ConsumerConnection::open);
        for (RouteRuntime rt : snapshot()) {
            rt.start();
        }
    }

    private List<RouteRuntime> snapshot() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    @Override
    public void stopIntake() {
        connections.values().forEach(ConsumerConnection::stopRecovery);
        snapshot().forEach(rt -> rt.consumers().forEach(QueueConsumer::stopIntake));
    }

    @Override
    public void drain(Duration budget) {
        List<Thread> drains = new ArrayList<>();
        for (RouteRuntime rt : snapshot()) {
            drains.add(Thread.ofVirtual().name("aw-drain-" + rt.name()).start(() -> rt.drain(budget)));
        }
        for (Thread t : drains) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while draining RabbitMQ routes");
                return;
            }
        }
    }

    @Override
    public void close() {
        snapshot().forEach(rt -> rt.consumers().forEach(QueueConsumer::close));
        connections.values().forEach(ConsumerConnection::close);
        publishers.forEach(AmqpConnection::close);
    }

    @Override
    public List<ComponentHealth> health() {
        List<ComponentHealth> out = new ArrayList<>();
        for (RouteRuntime rt : snapshot()) {
            rt.consumers().forEach(c -> out.add(c.health()));
        }
        return out;
    }
}
