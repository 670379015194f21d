package io.asyncworker.http.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server request timer {@value #TIMER}{method, route, status}: {@code route} is the
 * matched template ({@code /items/{id}}), never the raw path, or {@value #NOT_FOUND} when no
 * route matched; unknown methods are tagged {@code OTHER}. Thread-safe.
 */
final class HttpMetrics {
    static final String TIMER = "asyncworker.http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    /** The {@link RoutingContext} key under which the matched template is stored. */
    static final String TEMPLATE = "asyncworker.template";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final MeterRegistry registry;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The first handler of every request: times it until its response ends. */
    void start(RoutingContext rc) {
        long started = System.nanoTime();
        rc.addEndHandler(ar -> record(rc, System.nanoTime() - started));
        rc.next();
    }

    private void record(RoutingContext rc, long nanos) {
        String method = rc.request().method().name();
        TimerKey key = new TimerKey(METHODS.contains(method) ? method : "OTHER", rc.get(TEMPLATE, NOT_FOUND),
                rc.response().getStatusCode());
        timers.computeIfAbsent(key, this::register).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(TimerKey key) {
        return Timer.builder(TIMER)
                .description("HTTP requests served, by method, route template and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    private record TimerKey(String method, String route, int status) {
    }
}
