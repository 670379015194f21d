package io.asyncworker.sse.internal;

import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.spi.Checks;
import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseRoute;
import java.util.List;
import java.util.Optional;

/**
 * A route of this backend and its connection, by the core's one rule; with no SSE connection
 * registered, {@link SseConnection#defaults()} serves absolute URLs.
 */
final class RouteConnections {
    private RouteConnections() {
    }

    static SseRoute sse(Route route) {
        return Checks.routeOf(route, SseRoute.class, "SseRoute.consume(...)");
    }

    /**
     * The route's connection.
     *
     * @throws IllegalArgumentException naming the route when there is no clear choice, or when a
     *                                  relative path has no base URL to resolve against
     */
    static SseConnection resolve(SseRoute route, List<Connection> registered) {
        SseConnection conn = route.connection().resolve(route, SseConnection.class, "SSE", registered,
                Optional.of(SseConnection::defaults), "");
        boolean relative = route.sources().stream().anyMatch(s -> !Urls.isAbsolute(s));
        if (relative && conn.baseUrl().isEmpty()) {
            throw new IllegalArgumentException("route '" + route.name() + "' consumes a relative path but SSE connection '"
                    + conn.name() + "' has no baseUrl; set SseConnection.builder().baseUrl(...) or use an absolute URL");
        }
        return conn;
    }
}
