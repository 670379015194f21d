package io.asyncworker.rabbitmq.internal;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.RouteMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One route at run time: its pipeline (bucket, handler runs, drain), settler, delivery counter and
 * a consumer per queue.
 *
 * <p>Thread-safe after construction.
 */
final class RouteRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(RouteRuntime.class);
    private final AmqpRoute route;
    private final RouteMetrics metrics;
    private final DeliveryCounter counter = new DeliveryCounter(100_000);
    private final Class<?> bodyType;
    private final BatchPipeline<RabbitMQMessage> pipeline;
    private final List<QueueConsumer> consumers = new ArrayList<>();

    RouteRuntime(AmqpRoute route, ConsumerConnection connection, BackendContext ctx) {
        this.route = route;
        this.bodyType = route.bodyType().orElse(null);
        int bulk = effectiveBulkSize(route.name(), route.options().bulkSize(), connection.config().prefetch());
        AmqpSettler settler = new AmqpSettler(route.name(), route.options().maxDeliveries(), counter);
        // The pipeline registers the route's gauges first, so that its in-flight gauge is the live one.
        this.pipeline = BatchPipeline.<RabbitMQMessage>builder(route.name())
                .options(route.options()).bulkSize(bulk).settings(ctx.settings())
                .timer(ctx.timer()).meters(ctx.meters()).handler(liveOnly(route.handler())).settler(settler)
                .build();
        this.metrics = RouteMetrics.of(ctx.meters(), route.name());
        settler.metrics(metrics);
        for (String queue : route.queues()) {
            QueueConsumer c = new QueueConsumer(this, queue, connection);
            consumers.add(c);
            connection.register(c);
        }
    }

    /**
     * The user's handler, shown only the messages whose channel is still alive. A batch that waited
     * for a {@code maxConcurrency} slot while its channel died holds messages the broker has already
     * requeued; handling them would only process them twice. Their acks would be dropped anyway.
     * Every message shown is marked {@link Delivery#handed() handed}.
     */
    static AsyncBatchHandler<RabbitMQMessage> liveOnly(AsyncBatchHandler<RabbitMQMessage> handler) {
        return batch -> {
            if (allLive(batch)) {
                batch.forEach(m -> ((Delivery) m).handed());
                return handler.handle(batch);
            }
            List<RabbitMQMessage> live = batch.stream().filter(m -> ((Delivery) m).isLive()).toList();
            if (live.isEmpty()) {
                LOG.debug("skipping a batch of {} messages whose channel died; the broker redelivers them", batch.size());
                return CompletableFuture.completedFuture(null);
            }
            live.forEach(m -> ((Delivery) m).handed());
            return handler.handle(live);
        };
    }

    private static boolean allLive(List<RabbitMQMessage> batch) {
        for (RabbitMQMessage m : batch) {
            if (!((Delivery) m).isLive()) {
                return false;
            }
        }
        return true;
    }

    /** {@code min(bulkSize, prefetch)}, logging the clamp and the pipelining hint once. */
    static int effectiveBulkSize(String route, int bulkSize, int prefetch) {
        if (bulkSize > prefetch) {
            LOG.info("route '{}': bulkSize {} clamped to the prefetch of {} (a larger batch could never fill)",
                    route, bulkSize, prefetch);
        }
        if (bulkSize >= prefetch) {
            LOG.warn("route '{}': bulkSize {} >= prefetch {}: the broker sends nothing while a batch runs; "
                    + "set prefetch to at least 2 x bulkSize ({}) to keep messages flowing", route, bulkSize, prefetch,
                    2 * Math.min(bulkSize, prefetch));
        }
        return Math.min(bulkSize, prefetch);
    }

    String name() {
        return route.name();
    }

    RouteMetrics metrics() {
        return metrics;
    }

    DeliveryCounter counter() {
        return counter;
    }

    BatchPipeline<RabbitMQMessage> pipeline() {
        return pipeline;
    }

    /** The declared body type, or {@code null}. */
    Class<?> bodyType() {
        return bodyType;
    }

    QueueDeclaration declaration() {
        return route.declaration().orElse(null);
    }

    List<QueueConsumer> consumers() {
        return consumers;
    }

    void start() {
        consumers.forEach(QueueConsumer::start);
    }

    void drain(Duration budget) {
        pipeline.drain(budget);
    }
}
