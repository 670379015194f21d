package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.spi.Checks;
import java.util.List;
import java.util.Optional;

/** A route of this backend and its connection, by the core's one rule (SPEC §5). */
final class RouteConnections {
    private RouteConnections() {
    }

    static AmqpRoute amqp(Route route) {
        return Checks.routeOf(route, AmqpRoute.class, "AmqpRoute.consume(...)");
    }

    /** @throws IllegalArgumentException naming the route when there is no clear choice */
    static AmqpConnection resolve(AmqpRoute route, List<Connection> registered) {
        return route.connection().resolve(route, AmqpConnection.class, "AMQP", registered, Optional.empty(),
                "register one with app.connection(AmqpConnection.fromEnv())");
    }
}
