package io.asyncworker.internal.app;

import io.asyncworker.Connection;
import io.asyncworker.LifecycleHook;
import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.spi.BackendFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What the user registered before start; checks uniqueness at registration. */
final class Registrations {
    final List<Route> routes = new ArrayList<>();
    final List<Connection> connections = new ArrayList<>();
    final List<LifecycleHook> startupHooks = new ArrayList<>();
    final List<LifecycleHook> shutdownHooks = new ArrayList<>();
    final Map<RouteType, BackendFactory> backends = new LinkedHashMap<>();
    private final Set<String> routeNames = new HashSet<>();

    void route(Route route) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(route.type(), "route.type()");
        if (!routeNames.add(route.name())) {
            throw new IllegalArgumentException("duplicate route '" + route.name()
                    + "': each route needs a unique name (set one with name(...))");
        }
        routes.add(route);
    }

    void connection(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        for (Connection c : connections) {
            if (c.type().equals(connection.type()) && c.name().equals(connection.name())) {
                throw new IllegalArgumentException("duplicate " + c.type() + " connection '" + c.name() + "'");
            }
        }
        connections.add(connection);
    }

    List<Route> routes(RouteType type) {
        return routes.stream().filter(r -> r.type().equals(type)).toList();
    }

    List<Connection> connections(RouteType type) {
        return connections.stream().filter(c -> c.type().equals(type)).toList();
    }
}
