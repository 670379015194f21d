package io.asyncworker.test.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.test.InMemoryMessage;
import io.asyncworker.test.InMemoryRoute;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-memory route at run time: its pipeline, built only from the public SPI, and a subscription
 * per queue feeding it. Started and stopped from the app's thread; deliveries arrive on the threads
 * that send, settle or advance the timer.
 */
final class MemoryRoute implements Subscription.Target {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryRoute.class);
    private final InMemoryRoute route;
    private final MemoryBroker broker;
    private final BackendContext ctx;
    private final BatchPipeline<MemoryDelivery, InMemoryMessage> pipeline;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    MemoryRoute(InMemoryRoute route, MemoryBroker broker, BackendContext ctx) {
        this.route = route;
        this.broker = broker;
        this.ctx = ctx;
        this.pipeline = BatchPipeline.<MemoryDelivery, InMemoryMessage>builder(route.name())
                .options(route.options()).bulkSize(Math.min(route.options().bulkSize(), broker.prefetch()))
                .settings(ctx.settings()).timer(ctx.timer()).meters(ctx.meters()).codec(broker.codec())
                .messages(MemoryMessage::new).handler(route.handler()).holdRequeues(true)
                .observations(ctx.observations()).sink(new MemorySettler(route.name()))
                .build();
    }

    /** Subscribes to every queue; what waits there is delivered at once, on this thread. */
    void start() {
        for (String queue : route.queues()) {
            pipeline.metrics().consumerUp(queue, true);
            subscriptions.add(broker.queue(queue).subscribe(this, broker.prefetch(), ctx.timer()));
        }
    }

    void stopIntake() {
        stopping = true;
        subscriptions.forEach(Subscription::cancel);
        route.queues().forEach(q -> pipeline.metrics().consumerUp(q, false));
    }

    boolean drain(Duration budget) {
        return pipeline.drain(budget);
    }

    void close() {
        subscriptions.forEach(Subscription::close);
    }

    List<ComponentHealth> health() {
        ComponentHealth.State state = stopping ? ComponentHealth.State.STOPPED : ComponentHealth.State.UP;
        return route.queues().stream()
                .map(q -> new ComponentHealth("consumer", route.name() + "/" + q, state, stopping ? "stopping" : ""))
                .toList();
    }

    @Override
    public void deliver(MemoryDelivery delivery) {
        pipeline.add(delivery);
    }

    @Override
    public void channelDied(String queue) {
        int dropped = pipeline.discardStale().size();
        LOG.info("route '{}': the channel consuming '{}' died; {} waiting messages of it dropped, the broker delivers "
                + "them again", route.name(), queue, dropped);
    }
}
