package io.asyncworker.sse.internal;

import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseRoute;
import java.util.List;

/**
 * Picks each route's connection: the one it names or gives, else the only SSE connection, else
 * (for absolute URLs) {@link SseConnection#defaults()}.
 */
final class ConnectionResolver {
    private final List<SseConnection> connections;

    ConnectionResolver(List<Connection> registered) {
        this.connections = registered.stream().map(c -> {
            if (c instanceof SseConnection s) {
                return s;
            }
            throw new IllegalArgumentException("SSE connection '" + c.name() + "' is a " + c.getClass().getName()
                    + "; use SseConnection.builder()");
        }).toList();
    }

    /** Checks a route and returns it as an {@link SseRoute}. */
    static SseRoute sseRoute(Route route) {
        if (route instanceof SseRoute s) {
            return s;
        }
        throw new IllegalArgumentException("route '" + route.name() + "' has type SSE but is a "
                + route.getClass().getName() + "; build it with SseRoute.consume(...)");
    }

    /**
     * The route's connection.
     *
     * @throws IllegalArgumentException naming the route when there is no clear choice, or when a
     *                                  relative path has no base URL to resolve against
     */
    SseConnection resolve(SseRoute route) {
        SseConnection conn = route.connection().orElseGet(() -> route.connectionName()
                .map(n -> byName(route, n)).orElseGet(() -> implicit(route)));
        boolean relative = route.sources().stream().anyMatch(s -> !Urls.isAbsolute(s));
        if (relative && conn.baseUrl().isEmpty()) {
            throw new IllegalArgumentException("route '" + route.name() + "' consumes a relative path but SSE connection '"
                    + conn.name() + "' has no baseUrl; set SseConnection.builder().baseUrl(...) or use an absolute URL");
        }
        return conn;
    }

    private SseConnection byName(SseRoute route, String name) {
        return connections.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("route '" + route.name()
                        + "' names SSE connection '" + name + "', which is not registered; known: "
                        + connections.stream().map(SseConnection::name).toList()));
    }

    private SseConnection implicit(SseRoute route) {
        if (connections.size() == 1) {
            return connections.get(0);
        }
        if (connections.isEmpty()) {
            return SseConnection.defaults();
        }
        throw new IllegalArgumentException("route '" + route.name() + "' must choose an SSE connection with "
                + "connection(...): several are registered " + connections.stream().map(SseConnection::name).toList());
    }
}
