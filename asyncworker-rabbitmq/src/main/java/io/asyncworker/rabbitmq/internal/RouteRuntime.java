package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.asyncworker.ComponentHealth;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.SettleSink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One route at run time: its pipeline (bucket, handler runs, decoding, outcomes, drain), settle
 * sink, delivery counter and a consumer per queue; with a retry policy also its delay queues and
 * parking lots (declared with each queue, copies sent by a {@link RetrySink}, sizes watched).
 *
 * <p>Thread-safe after construction.
 */
final class RouteRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(RouteRuntime.class);
    private final AmqpRoute route;
    private final DeliveryCounter counter = new DeliveryCounter(100_000);
    private final BatchPipeline<Delivery, RabbitMQMessage> pipeline;
    private final List<QueueConsumer> consumers = new ArrayList<>();
    private final ConsumerConnection connection;
    private final RouteRetries retries;
    private final List<ParkingLotWatch> watches = new ArrayList<>();
    private final AtomicBoolean redeclaring = new AtomicBoolean();

    RouteRuntime(AmqpRoute route, ConsumerConnection connection, BackendContext ctx) {
        this.route = route;
        this.connection = connection;
        this.retries = RouteRetries.of(route).orElse(null);
        int bulk = effectiveBulkSize(route.name(), route.options().bulkSize(), connection.config().prefetch());
        this.pipeline = BatchPipeline.<Delivery, RabbitMQMessage>builder(route.name())
                .options(route.options()).bulkSize(bulk).settings(ctx.settings())
                .timer(ctx.timer()).meters(ctx.meters()).codec(connection.config().codec())
                .messages(AmqpMessage::new).handler(route.handler()).holdRequeues(true)
                .observations(ctx.observations())
                .sink(sink(ctx))
                .build();
        if (retries != null) {
            retries.parkingLots().forEach(lot -> watches.add(new ParkingLotWatch(route.name(), lot, connection, ctx.timer(),
                    pipeline.metrics().parkingLot(lot))));
        }
        for (String queue : route.queues()) {
            QueueConsumer c = new QueueConsumer(this, queue, connection);
            consumers.add(c);
            connection.register(c);
        }
    }

    private SettleSink<Delivery> sink(BackendContext ctx) {
        AmqpSettler settler = new AmqpSettler(route.name(), counter);
        return retries == null ? settler : new RetrySink(route.name(), retries, settler,
                ConnectionInternals.of(connection.config()), ctx.timer(), this::metrics, this::redeclare);
    }

    /** Declares (or checks) a queue on a new consuming channel, and its delay queues and parking lot. */
    void prepare(Channel ch, String queue) throws IOException {
        Topology.prepare(ch, queue, declaration());
        if (retries != null) {
            retries.declare(ch, queue);
        }
    }

    /** Declares the delay queues and parking lots again, e.g. after a copy found its delay queue gone. */
    private void redeclare() {
        Connection c = connection.current();
        if (c == null || !redeclaring.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("aw-redeclare-" + route.name()).start(() -> {
            try (Channel ch = c.createChannel()) {
                for (String queue : route.queues()) {
                    retries.declare(ch, queue);
                }
                LOG.info("route '{}': declared its delay queues and parking lots again", route.name());
            } catch (IOException | TimeoutException | RuntimeException e) {
                LOG.warn("route '{}': cannot declare its delay queues and parking lots again: {}", route.name(), Topology.reason(e));
            } finally {
                redeclaring.set(false);
            }
        });
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
        watches.forEach(ParkingLotWatch::start);
    }

    /** The health of each parking lot; none without a retry policy. */
    List<ComponentHealth> parkingLotHealth() {
        return watches.stream().map(ParkingLotWatch::health).toList();
    }

    /** Stops watching the parking lots. */
    void close() {
        watches.forEach(ParkingLotWatch::stop);
    }

    void drain(Duration budget) {
        pipeline.drain(budget);
    }
}
