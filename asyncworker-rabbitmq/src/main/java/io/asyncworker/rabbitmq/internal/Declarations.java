package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.spi.BackendContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each AMQP connection of an app declares at start: its own {@link AmqpTopology} plus the
 * queues its routes {@code declare(...)}, so that bindings to a route's queue work and
 * {@code check} compares both.
 */
final class Declarations {
    private Declarations() {
    }

    /**
     * Every AMQP connection in use (registered, or chosen by a route) with its topology, in the
     * order first seen; connections compare by identity.
     *
     * @throws IllegalArgumentException when a queue is declared differently by a connection and a
     *                                  route, or by two routes
     */
    static Map<AmqpConnection, AmqpTopology> of(BackendContext context) {
        Map<AmqpConnection, AmqpTopology.Builder> builders = new LinkedHashMap<>();
        for (Connection c : context.connections()) {
            if (c instanceof AmqpConnection a) {
                builders.computeIfAbsent(a, x -> AmqpTopology.builder().include(x.topology()));
            }
        }
        for (Route r : context.routes()) {
            AmqpRoute route = RouteConnections.amqp(r);
            AmqpConnection config = RouteConnections.resolve(route, context.connections());
            AmqpTopology.Builder b = builders.computeIfAbsent(config, x -> AmqpTopology.builder().include(x.topology()));
            route.declaration().ifPresent(d -> route.queues().forEach(q -> b.queue(q, d)));
        }
        Map<AmqpConnection, AmqpTopology> out = new LinkedHashMap<>();
        builders.forEach((c, b) -> out.put(c, b.build()));
        return out;
    }
}
