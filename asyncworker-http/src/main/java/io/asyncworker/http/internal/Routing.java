package io.asyncworker.http.internal;

import io.asyncworker.http.HttpRoute;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Builds the Vert.x router: every (route, path) from the most
 * specific path down, then per path a catch-all answering 405 with {@code Allow}, then JSON
 * failure and 404 handlers.
 */
final class Routing {

    private Routing() {
    }

    /**
     * One path of one route, served for a method: the route's own, or {@code HEAD} for a
     * {@code GET} route whose path has no {@code HEAD} route (RFC 9110 §9.3.2: HEAD is GET
     * without the body; Vert.x drops the body of a HEAD answer).
     */
    record Entry(HttpRoute route, PathTemplate path, io.asyncworker.http.HttpMethod method) {
    }

    static Router build(Vertx vertx, List<HttpRoute> routes, Dispatcher dispatcher, HttpMetrics metrics) {
        Router router = Router.router(vertx);
        List<Entry> entries = entries(routes);
        entries.forEach(e -> serve(router, e, dispatcher, metrics));
        allowedByPath(entries).forEach((path, allowed) -> {
            HttpMetrics.RouteTimers timers = metrics.timers(allowed.getFirst(), path.template());
            router.route(path.vertxPath()).handler(rc -> {
                HttpMetrics.begin(rc, timers);
                RouterErrors.methodNotAllowed(rc, allowed, metrics);
            });
        });
        router.route().failureHandler(rc -> RouterErrors.failure(rc, metrics));
        router.errorHandler(404, rc -> RouterErrors.notFound(rc, metrics));
        router.errorHandler(400, rc -> RouterErrors.unmatchable(rc, metrics));
        return router;
    }

    static List<Entry> entries(List<HttpRoute> routes) {
        List<Entry> entries = new ArrayList<>();
        Set<String> explicitHead = new HashSet<>();
        for (HttpRoute route : routes) {
            for (String p : route.paths()) {
                PathTemplate path = PathTemplate.parse(p);
                entries.add(new Entry(route, path, route.method()));
                if (route.method() == io.asyncworker.http.HttpMethod.HEAD) {
                    explicitHead.add(path.key());
                }
            }
        }
        for (Entry e : List.copyOf(entries)) {
            if (e.method() == io.asyncworker.http.HttpMethod.GET && explicitHead.add(e.path().key())) {
                entries.add(new Entry(e.route(), e.path(), io.asyncworker.http.HttpMethod.HEAD));
            }
        }
        entries.sort(Comparator.comparing(Entry::path).thenComparing(Entry::method));
        return entries;
    }

    private static void serve(Router router, Entry e, Dispatcher dispatcher, HttpMetrics metrics) {
        long limit = e.route().bodyLimit();
        String template = e.path().template();
        HttpMetrics.RouteTimers timers = metrics.timers(e.method().name(), template);
        Dispatcher.Target target = dispatcher.target(e.route(), e.method(), template);
        // Tags the request for the timer, reads the body only when there is one, then dispatches:
        // one router step per request.
        Handler<RoutingContext> serve = rc -> {
            HttpMetrics.Timing timing = HttpMetrics.begin(rc, timers);
            if (RequestBodies.mayHaveBody(rc.request())) {
                BodyReader.read(rc, limit, body -> target.dispatch(rc, body, timing));
            } else {
                target.dispatch(rc, RequestBodies.EMPTY, timing);
            }
        };
        router.route(HttpMethod.valueOf(e.method().name()), e.path().vertxPath()).handler(serve);
    }

    /** The methods allowed on each distinct path (by key), in path order. */
    private static Map<PathTemplate, List<String>> allowedByPath(List<Entry> entries) {
        Map<String, PathTemplate> byKey = new LinkedHashMap<>();
        Map<PathTemplate, List<String>> allowed = new LinkedHashMap<>();
        for (Entry e : entries) {
            PathTemplate path = byKey.computeIfAbsent(e.path().key(), k -> e.path());
            allowed.computeIfAbsent(path, p -> new ArrayList<>()).add(e.method().name());
        }
        allowed.replaceAll((p, methods) -> methods.stream().sorted().toList());
        return allowed;
    }
}
