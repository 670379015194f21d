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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RabbitMQ backend of one app run: a consuming connection per {@link AmqpConnection} in use,
 * a {@link RouteRuntime} per route. Called by the app as {@link Backend} says.
 */
final class AmqpBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpBackend.class);
    private static final int CANCEL_WAIT_SECONDS = 6;
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
            AmqpRoute route = RouteConnections.amqp(r);
            AmqpConnection config = RouteConnections.resolve(route, ctx.connections());
            publishers.add(config);
            ConsumerConnection conn = connections.computeIfAbsent(config, c -> new ConsumerConnection(c, ctx.timer()));
            synchronized (routes) {
                routes.add(new RouteRuntime(route, conn, ctx));
            }
        }
        connections.values().forEach(ConsumerConnection::open);
        declareTopologies();
        for (RouteRuntime rt : snapshot()) {
            rt.start();
        }
    }

    /**
     * Declares each connection's topology before any consumer subscribes: on its consuming
     * connection, which declares it again after each reconnect, or once on a connection of its own
     * for a connection only used for publishing.
     */
    private void declareTopologies() {
        Declarations.of(ctx).forEach((config, topology) -> {
            ConsumerConnection consuming = connections.get(config);
            if (consuming != null) {
                consuming.declare(topology);
            } else if (!topology.isEmpty()) {
                TopologyDeclarer.declare(config, topology);
            }
        });
    }

    private List<RouteRuntime> snapshot() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    /**
     * Cancels every consumer at once and waits for their cancel-oks, {@value #CANCEL_WAIT_SECONDS} s
     * at most in all: one unresponsive channel must not hold the others (each cancel is an RPC that
     * amqp-client would wait minutes for). Deliveries after a cancel are requeued at once, and
     * closing the channels later returns anything still unsettled.
     */
    @Override
    public void stopIntake() {
        connections.values().forEach(ConsumerConnection::stopRecovery);
        List<Thread> cancels = new ArrayList<>();
        for (RouteRuntime rt : snapshot()) {
            rt.consumers().forEach(c -> cancels.add(Thread.ofVirtual().name("aw-cancel-" + c.queue()).start(c::stopIntake)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CANCEL_WAIT_SECONDS);
        for (Thread t : cancels) {
            try {
                if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    LOG.warn("consumer cancel did not complete within {} s ({}); stopping anyway", CANCEL_WAIT_SECONDS, t.getName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
        snapshot().forEach(RouteRuntime::close);
        snapshot().forEach(rt -> rt.consumers().forEach(QueueConsumer::close));
        connections.values().forEach(ConsumerConnection::close);
        publishers.forEach(AmqpConnection::close);
    }

    @Override
    public List<ComponentHealth> health() {
        List<ComponentHealth> out = new ArrayList<>();
        for (RouteRuntime rt : snapshot()) {
            rt.consumers().forEach(c -> out.add(c.health()));
            out.addAll(rt.parkingLotHealth());
        }
        return out;
    }
}
