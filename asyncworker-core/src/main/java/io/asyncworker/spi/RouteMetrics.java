package io.asyncworker.spi;

import io.asyncworker.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one binder of a route's meters (SPEC §10), so every backend names and tags them alike:
 * {@code asyncworker.messages.received{route,queue}}, {@code asyncworker.messages.settled{route,queue,action}},
 * {@code asyncworker.messages.invalid{route,queue,reason}}, {@code asyncworker.batch.size{route}},
 * {@code asyncworker.batch.flush{route,reason}}, {@code asyncworker.handler.duration{route,result}},
 * {@code asyncworker.handler.inflight{route}}, {@code asyncworker.handler.errors{route,exception}},
 * {@code asyncworker.consumer.up{route,queue}}; with a retry policy (SPEC §14)
 * {@code asyncworker.messages.retried{route,queue,attempt}}, {@code asyncworker.messages.parked{route,queue}},
 * {@code asyncworker.messages.replayed{route,queue}}, {@code asyncworker.messages.retry.failed{route,queue}}
 * and {@code asyncworker.parkinglot.messages{route,queue}}.
 * For SSE routes the {@code queue} tag holds the stream's URL.
 *
 * <p>Thread-safe; meters are created once and cached.
 */
public final class RouteMetrics {
    /** The highest {@code attempt} tag of {@code asyncworker.messages.retried}: later attempts count as {@code 10+}. */
    public static final int MAX_ATTEMPT_TAG = 10;

    private final MeterRegistry registry;
    private final String route;
    private final Map<String, QueueMeters> queues = new ConcurrentHashMap<>();
    private final Map<String, Counter> invalid = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> parkingLots = new ConcurrentHashMap<>();
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
     * Registers the meters of one route. Make one per route and share it (a pipeline makes its own,
     * see {@link BatchPipeline#metrics()}): the in-flight gauge follows the instance that registered it.
     *
     * @param registry the registry the meters are registered with
     * @param route the route's name, the {@code route} tag of every meter
     * @return the route's meters
     */
    public static RouteMetrics of(MeterRegistry registry, String route) {
        return new RouteMetrics(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(route, "route"));
    }

    private QueueMeters queue(String queue) {
        QueueMeters m = queues.get(queue);
        return m != null ? m : queues.computeIfAbsent(queue, q -> new QueueMeters(registry, route, q));
    }

    /**
     * Counts messages received from a queue or stream.
     *
     * @param queue the queue or stream, the {@code queue} tag
     * @param count how many messages
     */
    public void received(String queue, int count) {
        queue(queue).received.increment(count);
    }

    /**
     * Counts messages settled with an action.
     *
     * @param queue the queue or stream, the {@code queue} tag
     * @param action the action carried out, the {@code action} tag
     * @param count how many messages
     */
    public void settled(String queue, Action action, int count) {
        queue(queue).settled[action.ordinal()].increment(count);
    }

    /**
     * Counts a message that never reached the handler, e.g. {@code reason=decode}.
     *
     * @param queue the queue or stream, the {@code queue} tag
     * @param reason why, the {@code reason} tag
     */
    public void invalid(String queue, String reason) {
        invalid(queue, reason, 1);
    }

    /**
     * Counts messages that never reached the handler: {@code reason=decode} (undecodable),
     * {@code stale} (their channel or stream was gone; the source delivers them again).
     *
     * @param queue the queue or stream, the {@code queue} tag
     * @param reason why, the {@code reason} tag
     * @param count how many messages
     */
    public void invalid(String queue, String reason, int count) {
        invalid.computeIfAbsent(queue + '\n' + reason, k -> Counter.builder("asyncworker.messages.invalid")
                .tag("route", route).tag("queue", queue).tag("reason", reason)
                .description("messages that never reached the handler, by reason").register(registry)).increment(count);
    }

    /**
     * Counts a handler failure by exception class: {@code asyncworker.handler.errors{route,exception}}.
     *
     * @param exception the exception's class name, the {@code exception} tag
     */
    public void handlerError(String exception) {
        errors.computeIfAbsent(exception, e -> Counter.builder("asyncworker.handler.errors").tag("route", route)
                .tag("exception", e).description("handler failures, by exception class").register(registry)).increment();
    }

    /**
     * Counts a retry scheduled: {@code asyncworker.messages.retried{route,queue,attempt}}, where
     * {@code attempt} is the attempt the message comes back as (2, 3, ..., {@code 10+}).
     *
     * @param queue   the queue or stream it came from
     * @param attempt the attempt it comes back as
     */
    public void retried(String queue, int attempt) {
        String tag = attempt >= MAX_ATTEMPT_TAG ? MAX_ATTEMPT_TAG + "+" : Integer.toString(attempt);
        retries.computeIfAbsent("retried\n" + queue + '\n' + tag, k -> Counter.builder("asyncworker.messages.retried")
                .tag("route", route).tag("queue", queue).tag("attempt", tag)
                .description("failed messages sent to be retried later, by the attempt they come back as")
                .register(registry)).increment();
    }

    /**
     * Counts messages parked after their last attempt or at once: {@code asyncworker.messages.parked{route,queue}}.
     *
     * @param queue the queue or stream they came from
     * @param count how many
     */
    public void parked(String queue, int count) {
        retryCounter("asyncworker.messages.parked", queue, "messages set aside for a person after failing").increment(count);
    }

    /**
     * Counts parked messages that came back from the parking lot: {@code asyncworker.messages.replayed{route,queue}}.
     *
     * @param queue the queue they came back to
     * @param count how many
     */
    public void replayed(String queue, int count) {
        retryCounter("asyncworker.messages.replayed", queue, "parked messages replayed into the queue").increment(count);
    }

    /**
     * Counts retries and parks the backend could not carry out (e.g. the republish was not
     * confirmed), so that the message was requeued instead: {@code asyncworker.messages.retry.failed{route,queue}}.
     *
     * @param queue the queue they came from
     * @param count how many
     */
    public void retryFailed(String queue, int count) {
        retryCounter("asyncworker.messages.retry.failed", queue, "retries and parks that failed; the message was requeued")
                .increment(count);
    }

    private Counter retryCounter(String name, String queue, String description) {
        return retries.computeIfAbsent(name + '\n' + queue, k -> Counter.builder(name).tag("route", route)
                .tag("queue", queue).description(description).register(registry));
    }

    /**
     * The gauge of a parking lot's size, {@code asyncworker.parkinglot.messages{route,queue}}, made on
     * first use: the backend sets it whenever it learns the size.
     *
     * @param lot the parking lot's name, e.g. its queue
     * @return the gauge's value holder
     */
    public AtomicLong parkingLot(String lot) {
        return parkingLots.computeIfAbsent(lot, l -> {
            AtomicLong size = new AtomicLong();
            Gauge.builder("asyncworker.parkinglot.messages", size, AtomicLong::get).tag("route", route).tag("queue", l)
                    .description("messages waiting in the route's parking lot").register(registry);
            return size;
        });
    }

    /**
     * Records a batch handed to the handler.
     *
     * @param size how many messages the batch holds
     * @param reason why the batch was handed over
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

    /**
     * The running-handler gauge's counter.
     *
     * @return the counter the gauge reads; increment it when a handler starts and decrement it when it ends
     */
    public AtomicInteger inflight() {
        return inflight;
    }

    /**
     * Sets whether a consumer or stream is up (1) or not (0).
     *
     * @param queue the queue or stream, the {@code queue} tag
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
