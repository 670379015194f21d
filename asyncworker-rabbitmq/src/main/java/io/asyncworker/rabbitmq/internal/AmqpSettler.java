package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Action;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import io.asyncworker.spi.Outcomes;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.Settler;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a batch's actions: applies {@code maxDeliveries}, groups the messages by channel
 * session, skips sessions of an older channel generation (their tags mean nothing on the new
 * channel; the broker redelivers those messages) and sends each group's planned frames.
 *
 * <p>Called on handler threads (or the stopping thread); calls for different batches may overlap,
 * the sessions serialize them.
 */
final class AmqpSettler implements Settler<RabbitMQMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpSettler.class);
    private final String route;
    private final OptionalInt maxDeliveries;
    private final DeliveryCounter counter;
    private volatile RouteMetrics metrics;

    AmqpSettler(String route, OptionalInt maxDeliveries, DeliveryCounter counter) {
        this.route = route;
        this.maxDeliveries = maxDeliveries;
        this.counter = counter;
    }

    /** Set once, right after the pipeline is built and before any message arrives. */
    void metrics(RouteMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void settle(List<RabbitMQMessage> batch, List<Action> actions) {
        Map<ChannelSession, List<Delivery>> groups = new IdentityHashMap<>();
        Map<Delivery, Action> finalActions = new IdentityHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Delivery d = (Delivery) batch.get(i);
            finalActions.put(d, limit(d, actions.get(i)));
            groups.computeIfAbsent(d.session(), s -> new ArrayList<>()).add(d);
        }
        groups.forEach((session, deliveries) -> settleGroup(session, deliveries, finalActions));
    }

    private Action limit(Delivery d, Action action) {
        Action limited = Outcomes.limitDeliveries(action, d.deliveryCount(), maxDeliveries);
        if (limited != action) {
            LOG.warn("route '{}': message {} from '{}' was delivered {} times (maxDeliveries {}); rejecting instead of requeueing",
                    route, d.deliveryTag(), d.queue(), d.deliveryCount(), maxDeliveries.getAsInt());
        }
        return limited;
    }

    private void settleGroup(ChannelSession session, List<Delivery> deliveries, Map<Delivery, Action> actions) {
        Delivery first = deliveries.get(0);
        if (session.generation() != first.consumer().generation() || !session.settle(decisions(deliveries, actions))) {
            LOG.debug("route '{}': {} messages of dead channel generation {} on '{}' not settled; the broker redelivers them",
                    route, deliveries.size(), session.generation(), first.queue());
            return;
        }
        int[] counts = new int[Action.values().length];
        for (Delivery d : deliveries) {
            Action a = actions.get(d);
            counts[a.ordinal()]++;
            if (a != Action.REQUEUE && d.counterKey() != null) {
                counter.forget(d.counterKey());
            }
        }
        for (Action a : Action.values()) {
            if (counts[a.ordinal()] > 0) {
                metrics.settled(first.queue(), a, counts[a.ordinal()]);
            }
        }
    }

    private static TreeMap<Long, Action> decisions(List<Delivery> deliveries, Map<Delivery, Action> actions) {
        TreeMap<Long, Action> out = new TreeMap<>();
        for (Delivery d : deliveries) {
            out.put(d.deliveryTag(), actions.get(d));
        }
        return out;
    }
}
