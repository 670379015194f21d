package io.asyncworker.spi;

import io.asyncworker.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one binder of a route's meters (SPEC §10), so every backend names and tags them alike:
 * {@code asyncworker.messages.received{route,queue}}, {@code asyncworker.messages.settled{route,queue,action}},
 * {@code asyncworker.messages.invalid{route,queue,reason}}, {@code asyncworker.batch.size{route}},
 * {@code asyncworker.batch.flush{route,reason}}, {@code asyncworker.handler.duration{route,result}},
 * {@code asyncworker.handler.inflight{route}}, {@code asyncworker.consumer.up{route,queue}}.
 * For SSE routes the {@code queue} tag holds the stream's URL.
 *
 * <p>Thread-safe; meters are created once and cached.
 */
public final class RouteMetrics {
    // Weak both ways: a RouteMetrics refers to its registry, so strong values would keep every
    // registry (and app) alive. An instance lives as long as its pipeline or backend holds it.
    private static final Map<MeterRegistry, Map<String, WeakReference<RouteMetrics>>> INSTANCES = new WeakHashMap<>();
    private final MeterRegistry registry;
    private final String route;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private final AtomicInteger inflight = new AtomicInteger();
    private final DistributionSummary batchSize;

    private RouteMetrics(MeterRegistry registry, String route) {
        this.registry = registry;
        this.route = route;
        this.batchSize = DistributionSummary.builder("asyncworker.batch.size").tag("route", route)
                .description("messages per batch handed to the handler").register(registry);
        Gauge.builder("asyncworker.handler.inflight", inflight, AtomicInteger::get).tag("route", route)
                .description("batches whose handler is running").register(registry);
    }

    /**
     * The meters of one route; the same instance for the same registry and route, so that the
     * pipeline and its backend share one in-flight gauge.
     */
    public static RouteMetrics of(MeterRegistry registry, String route) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(route, "route");
        synchronized (INSTANCES) {
            Map<String, WeakReference<RouteMetrics>> routes = INSTANCES.computeIfAbsent(registry, r -> new HashMap<>());
            WeakReference<RouteMetrics> ref = routes.get(route);
            RouteMetrics metrics = ref == null ? null : ref.get();
            if (metrics == null) {
                metrics = new RouteMetrics(registry, route);
                routes.put(route, new WeakReference<>(metrics));
            }
            return metrics;
        }
    }

    /** Counts messages received from a queue or stream. */
    public void received(String queue, int count) {
        counter("asyncworker.messages.received", "queue", queue, null, null).increment(count);
    }

    /** Counts messages settled with an action. */
    public void settled(String queue, Action action, int count) {
        counter("asyncworker.messages.settled", "queue", queue, "action", action.name().toLowerCase(Locale.ROOT))
                .increment(count);
    }

    /** Counts a message that never reached the handler, e.g. {@code reason=decode}. */
    public void invalid(String queue, String reason) {
        counter("asyncworker.messages.invalid", "queue", queue, "reason", reason).increment();
    }

    /** Records a batch handed to the handler. */
    public void flushed(int size, FlushReason reason) {
        batchSize.record(size);
        counter("asyncworker.batch.flush", "reason", reason.tag(), null, null).increment();
    }

    /** Records one handler run; {@code result} is {@code success} or {@code error}. */
    public void handlerDone(Duration took, boolean success) {
        String result = success ? "success" : "error";
        Timer timer = (Timer) cache.computeIfAbsent("duration:" + result, k -> Timer
                .builder("asyncworker.handler.duration").tag("route", route).tag("result", result).register(registry));
        timer.record(took);
    }

    /** The running-handler gauge's counter. */
    public AtomicInteger inflight() {
        return inflight;
    }

    /** Sets whether a consumer or stream is up (1) or not (0). */
    public void consumerUp(String queue, boolean up) {
        AtomicInteger state = (AtomicInteger) cache.computeIfAbsent("up:" + queue, k -> {
            AtomicInteger v = new AtomicInteger();
            Gauge.builder("asyncworker.consumer.up", v, AtomicInteger::get).tag("route", route).tag("queue", queue)
                    .register(registry);
            return v;
        });
        state.set(up ? 1 : 0);
    }

    private Counter counter(String name, String k1, String v1, String k2, String v2) {
        String key = name + '|' + v1 + '|' + v2;
        Object c = cache.get(key);
        if (c == null) {
            c = cache.computeIfAbsent(key, k -> {
                Counter.Builder b = Counter.builder(name).tag("route", route).tag(k1, v1);
                return (k2 == null ? b : b.tag(k2, v2)).register(registry);
            });
        }
        return (Counter) c;
    }
}
