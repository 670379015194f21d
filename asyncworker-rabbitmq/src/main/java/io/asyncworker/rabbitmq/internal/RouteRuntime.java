package io.asyncworker.rabbitmq.internal;

import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.RouteMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One route at run time: its pipeline (bucket, handler runs, decoding, outcomes, drain), settle
 * sink, delivery counter and a consumer per queue.
 *
 * <p>Thread-safe after construction.
 */
final class RouteRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(RouteRuntime.class);
    private final AmqpRoute route;
    private final DeliveryCounter counter = new DeliveryCounter(100_000);
    private final BatchPipeline<Delivery, RabbitMQMessage> pipeline;
    private final List<QueueConsumer> consumers = new ArrayList<>();

    RouteRuntime(AmqpRoute route, ConsumerConnection connection, BackendContext ctx) {
        this.route = route;
        int bulk = effectiveBulkSize(route.name(), route.options().bulkSize(), connection.config().prefetch());
        this.pipeline = BatchPipeline.<Delivery, RabbitMQMessage>builder(route.name())
                .options(route.options()).bulkSize(bulk).settings(ctx.settings())
                .timer(ctx.timer()).meters(ctx.meters()).codec(connection.config().codec())
                .messages(AmqpMessage::new).handler(route.handler()).holdRequeues(true)
                .sink(new AmqpSettler(route.name(), counter))
                .build();
        for (String queue : route.queues()) {
            QueueConsumer c = new QueueConsumer(this, queue, connection);
            consumers.add(c);
            connection.register(c);
        }
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
        return pipeline.metrics();
    }

    DeliveryCounter counter() {
        return counter;
    }

    BatchPipeline<Delivery, RabbitMQMessage> pipeline() {
        return pipeline;
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
