package io.asyncworker.http.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The HTTP server request timer {@value #TIMER}{method, route, status}: {@code route} is the
 * matched template ({@code /items/{id}}), never the raw path, or {@value #NOT_FOUND} when no
 * route matched; unknown methods are tagged {@code OTHER}. Thread-safe.
 *
 * <p>Timers are looked up per request without allocating: each (method, template) has a
 * {@link RouteTimers} holding its timers by status, which the router stores in the request's
 * context under {@link #TEMPLATE}.
 */
final class HttpMetrics {
    static final String TIMER = "asyncworker.http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    /** The {@link RoutingContext} key under which the matched route's {@link RouteTimers} are stored. */
    static final String TEMPLATE = "asyncworker.template";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final MeterRegistry registry;
    private final Map<String, RouteTimers> byMethodAndTemplate = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The first handler of every request: times it until its response ends. */
    void start(RoutingContext rc) {
        long started = System.nanoTime();
        rc.addEndHandler(ar -> record(rc, System.nanoTime() - started));
        rc.next();
    }

    /** The timers of one route template for one method; call at router build time or rarely. */
    RouteTimers timers(String method, String template) {
        String tag = METHODS.contains(method) ? method : "OTHER";
        return byMethodAndTemplate.computeIfAbsent(tag + " " + template, k -> new RouteTimers(tag, template));
    }

    /** Marks the request as served by a template, for the {@code route} tag. */
    static void tag(RoutingContext rc, RouteTimers timers) {
        rc.put(TEMPLATE, timers);
    }

    /** The template a request was tagged with, or {@value #NOT_FOUND}. */
    static String template(RoutingContext rc) {
        RouteTimers timers = rc.get(TEMPLATE);
        return timers == null ? NOT_FOUND : timers.template;
    }

    private void record(RoutingContext rc, long nanos) {
        RouteTimers timers = rc.get(TEMPLATE);
        String method = rc.request().method().name();
        if (timers == null || !timers.method.equals(method)) { // 404, 405 and unknown methods
            timers = timers(method, timers == null ? NOT_FOUND : timers.template);
        }
        timers.timer(rc.response().getStatusCode()).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The timers of one (method, template), by status. Thread-safe. */
    final class RouteTimers {
        private static final int MIN_STATUS = 100;
        private final String method;
        private final String template;
        private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(500);

        private RouteTimers(String method, String template) {
            this.method = method;
            this.template = template;
        }

        String template() {
            return template;
        }

        Timer timer(int status) {
            int i = status - MIN_STATUS;
            if (i < 0 || i >= byStatus.length()) {
                return register(status);
            }
            Timer timer = byStatus.get(i);
            if (timer == null) {
                timer = register(status); // Micrometer returns the same timer for the same tags
                byStatus.set(i, timer);
            }
            return timer;
        }

        private Timer register(int status) {
            return Timer.builder(TIMER)
                    .description("HTTP requests served, by method, route template and status")
                    .tag("method", method)
                    .tag("route", template)
                    .tag("status", Integer.toString(status))
                    .register(registry);
        }
    }
}
