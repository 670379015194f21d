package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks each route's connection (SPEC §5): the object or name the route chose, else the only
 * registered AMQP connection; none, several or an unknown name is an error naming the route.
 */
final class ConnectionResolver {
    private ConnectionResolver() {
    }

    static AmqpRoute amqp(Route route) {
        if (route instanceof AmqpRoute r) {
            return r;
        }
        throw new IllegalArgumentException("route '" + route.name() + "' has type AMQP_RABBITMQ but is not an AmqpRoute: "
                + "build it with AmqpRoute.consume(...)");
    }

    static AmqpConnection resolve(AmqpRoute route, List<Connection> registered) {
        if (route.connection().isPresent()) {
            return route.connection().get();
        }
        List<AmqpConnection> all = registered.stream().filter(AmqpConnection.class::isInstance)
                .map(AmqpConnection.class::cast).toList();
        if (route.connectionName().isPresent()) {
            String name = route.connectionName().get();
            return all.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("route '" + route.name() + "' uses AMQP connection '"
                            + name + "' but none is registered with that name (registered: " + names(all) + ")"));
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("route '" + route.name() + "' needs an AMQP connection: register one with "
                    + "app.connection(AmqpConnection.fromEnv())");
        }
        throw new IllegalArgumentException("route '" + route.name() + "' must choose one of the AMQP connections "
                + names(all) + " with connection(\"name\")");
    }

    private static String names(List<AmqpConnection> all) {
        return all.isEmpty() ? "none" : all.stream().map(AmqpConnection::name).collect(Collectors.joining(", "));
    }
}
