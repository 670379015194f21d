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
 * matched template ({@code /items/{id}}), never the raw path, {@value #NOT_FOUND} when no
 * route matched, or {@value #INVALID} for a request rejected before routing; unknown methods are
 * tagged {@code OTHER}. Thread-safe.
 *
 * <p>Timers are looked up per request without allocating: each (method, template) has a
 * {@link RouteTimers} holding its timers by status, which the route's handler stores with the
 * start time in the request's context under {@link #TEMPLATE} ({@link #begin}). The time runs
 * from the route's handler (after the router matched the path) to the end of the response write.
 */
final class HttpMetrics {
    static final String TIMER = "asyncworker.http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    /** The route tag of requests rejected before routing: malformed, unsafely framed, too long. */
    static final String INVALID = "INVALID";
    /** The {@link RoutingContext} key under which a request's {@link Timing} is stored. */
    static final String TEMPLATE = "asyncworker.template";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final MeterRegistry registry;
    private final Map<String, RouteTimers> byMethodAndTemplate = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts timing a request served by a route (or answered 405 on its path): stores the route's
     * timers and the start time in the request's context. Call first thing on the event loop.
     */
    static Timing begin(RoutingContext rc, RouteTimers timers) {
        Timing timing = new Timing(timers, System.nanoTime());
        rc.put(TEMPLATE, timing);
        return timing;
    }

    /**
     * Records a request once its answer is written (or abandoned), from any thread; a request
     * never tagged by {@link #begin} counts as {@value #NOT_FOUND}, timed from now.
     */
    void record(RoutingContext rc, int status) {
        Timing timing = rc.get(TEMPLATE);
        record(timing == null ? new Timing(null, System.nanoTime()) : timing, rc.request().method().name(), status);
    }

    /** Records a request of a method tagged with {@code timing}, from any thread. */
    void record(Timing timing, String method, int status) {
        RouteTimers timers = timing.timers();
        if (timers == null || !timers.method.equals(method)) { // 404, 405 and unknown methods
            timers = timers(method, timers == null ? NOT_FOUND : timers.template);
        }
        timers.timer(status).record(System.nanoTime() - timing.started(), TimeUnit.NANOSECONDS);
    }

    /** Records a request rejected before routing, from any thread. */
    void recordInvalid(String method, int status, long started) {
        timers(method, INVALID).timer(status).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** When a request started and the timers of the route that serves it (null: none matched). Immutable. */
    record Timing(RouteTimers timers, long started) {
    }

    /** The timers of one route template for one method; call at router build time or rarely. */
    RouteTimers timers(String method, String template) {
        String tag = METHODS.contains(method) ? method : "OTHER";
        return byMethodAndTemplate.computeIfAbsent(tag + " " + template, k -> new RouteTimers(tag, template));
    }

    /** The template a request was tagged with, or {@value #NOT_FOUND}. */
    static String template(RoutingContext rc) {
        Timing timing = rc.get(TEMPLATE);
        return timing == null || timing.timers() == null ? NOT_FOUND : timing.timers().template;
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
