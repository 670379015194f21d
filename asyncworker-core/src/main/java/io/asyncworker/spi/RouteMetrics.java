package io.asyncworker.spi;

import io.asyncworker.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.EnumMap;
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
    private final Map<String, QueueMeters> queues = new ConcurrentHashMap<>();
    private final Map<String, Counter> invalid = new ConcurrentHashMap<>();
    private final Map<FlushReason, Counter> flushes = new EnumMap<>(FlushReason.class);
    private final AtomicInteger inflight = new AtomicInteger();
    private final DistributionSummary batchSize;
    private final Timer success;
    private final Timer error;

    /** The meters of one queue (or stream), made once: the hot path only looks them up. */
    private static final class QueueMeters {
        final Counter received;
        final Counter[] settled = new Counter[Action.values().length];
        final AtomicInteger up = new AtomicInteger();
        volatile boolean upRegistered;

        QueueMeters(MeterRegistry registry, String route, String queue) {
            received = Counter.builder("asyncworker.messages.received").tag("route", route).tag("queue", queue)
                    .description("messages received").register(registry);
            for (Action a : Action.values()) {
                settled[a.ordinal()] = Counter.builder("asyncworker.messages.settled").tag("route", route)
                        .tag("queue", queue).tag("action", a.name().toLowerCase(Locale.ROOT))
                        .description("messages settled, by action").register(registry);
            }
        }
    }

    private RouteMetrics(MeterRegistry registry, String route) {
        this.registry = registry;
        this.route = route;
        this.batchSize = DistributionSummary.builder("asyncworker.batch.size").tag("route", route)
                .description("messages per batch handed to the handler").register(registry);
        Gauge.builder("asyncworker.handler.inflight", inflight, AtomicInteger::get).tag("route", route)
                .description("batches whose handler is running").register(registry);
        for (FlushReason r : FlushReason.values()) {
            flushes.put(r, Counter.builder("asyncworker.batch.flush").tag("route", route).tag("reason", r.tag())
                    .description("batches handed to the handler, by reason").register(registry));
        }
        this.success = handlerTimer("success");
        this.error = handlerTimer("error");
    }

    private Timer handlerTimer(String result) {
        return Timer.builder("asyncworker.handler.duration").tag("route", route).tag("result", result)
                .description("handler run time per batch").register(registry);
    }

    /**
     * {@return the meters of one route; the same instance for the same registry and route, so that the
     * pipeline and its backend share one in-flight gauge}
     *
     * @param registry the meter registry
     * @param route the route's name
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

    private QueueMeters queue(String queue) {
        QueueMeters m = queues.get(queue);
        return m != null ? m : queues.computeIfAbsent(queue, q -> new QueueMeters(registry, route, q));
    }

    /**
     * Counts messages received from a queue or stream.
     *
     * @param queue the queue or stream
     * @param count how many messages
     */
    public void received(String queue, int count) {
        queue(queue).received.increment(count);
    }

    /**
     * Counts messages settled with an action.
     *
     * @param queue the queue or stream
     * @param action the action
     * @param count how many messages
     */
    public void settled(String queue, Action action, int count) {
        queue(queue).settled[action.ordinal()].increment(count);
    }

    /**
     * Counts a message that never reached the handler, e.g. {@code reason=decode}.
     *
     * @param queue the queue or stream
     * @param reason the reason
     */
    public void invalid(String queue, String reason) {
        invalid.computeIfAbsent(queue + '\n' + reason, k -> Counter.builder("asyncworker.messages.invalid")
                .tag("route", route).tag("queue", queue).tag("reason", reason)
                .description("messages that never reached the handler, by reason").register(registry)).increment();
    }

    /**
     * Records a batch handed to the handler.
     *
     * @param size the number of messages in the batch
     * @param reason the reason
     */
    public void flushed(int size, FlushReason reason) {
        batchSize.record(size);
        flushes.get(reason).increment();
    }

    /**
     * Records one handler run.
     *
     * @param took how long the handler ran
     * @param succeeded whether it returned normally
     */
    public void handlerDone(Duration took, boolean succeeded) {
        (succeeded ? success : error).record(took);
    }

    /** {@return the running-handler gauge's counter} */
    public AtomicInteger inflight() {
        return inflight;
    }

    /**
     * Sets whether a consumer or stream is up (1) or not (0).
     *
     * @param queue the queue or stream
     * @param up whether it is up
     */
    public void consumerUp(String queue, boolean up) {
        QueueMeters m = queue(queue);
        if (!m.upRegistered) {
            synchronized (m) {
                if (!m.upRegistered) {
                    Gauge.builder("asyncworker.consumer.up", m.up, AtomicInteger::get).tag("route", route)
                            .tag("queue", queue).description("1 while the consumer or stream is up").register(registry);
                    m.upRegistered = true;
                }
            }
        }
        m.up.set(up ? 1 : 0);
    }
}
