package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Action;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import io.asyncworker.spi.Outcomes;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.Settler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
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
    private static final Action[] ACTIONS = Action.values();
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
        int n = batch.size();
        Delivery[] deliveries = new Delivery[n];
        Action[] finals = new Action[n];
        boolean oneSession = true;
        for (int i = 0; i < n; i++) {
            deliveries[i] = (Delivery) batch.get(i);
            finals[i] = limit(deliveries[i], actions.get(i));
            oneSession &= deliveries[i].session() == deliveries[0].session();
        }
        if (oneSession) {
            settleGroup(deliveries, finals, n);
        } else {
            settleBySession(deliveries, finals);
        }
    }

    private void settleBySession(Delivery[] deliveries, Action[] finals) {
        int n = deliveries.length;
        for (ChannelSession s : sessions(deliveries)) {
            Delivery[] group = new Delivery[n];
            Action[] groupActions = new Action[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (deliveries[i].session() == s) {
                    group[size] = deliveries[i];
                    groupActions[size++] = finals[i];
                }
            }
            settleGroup(group, groupActions, size);
        }
    }

    private static List<ChannelSession> sessions(Delivery[] deliveries) {
        List<ChannelSession> out = new ArrayList<>(2);
        for (Delivery d : deliveries) {
            if (!out.contains(d.session())) {
                out.add(d.session());
            }
        }
        return out;
    }

    /** {@code maxDeliveries}, only for messages the handler saw: one that never ran is always requeued (§9). */
    private Action limit(Delivery d, Action action) {
        if (!d.wasHanded()) {
            return action;
        }
        Action limited = Outcomes.limitDeliveries(action, d.deliveryCount(), maxDeliveries);
        if (limited != action) {
            LOG.warn("route '{}': message {} from '{}' was delivered {} times (maxDeliveries {}); rejecting instead of requeueing",
                    route, d.deliveryTag(), d.queue(), d.deliveryCount(), maxDeliveries.getAsInt());
        }
        return limited;
    }

    /** Settles the first {@code n} deliveries, all of one session. */
    private void settleGroup(Delivery[] deliveries, Action[] actions, int n) {
        ChannelSession session = deliveries[0].session();
        if (session.generation() != deliveries[0].consumer().generation() || !send(session, deliveries, actions, n)) {
            LOG.debug("route '{}': {} messages of dead channel generation {} on '{}' not settled; the broker redelivers them",
                    route, n, session.generation(), deliveries[0].queue());
            return;
        }
        int[] counts = new int[ACTIONS.length];
        for (int i = 0; i < n; i++) {
            counts[actions[i].ordinal()]++;
            if (actions[i] != Action.REQUEUE && deliveries[i].counterKey() != null) {
                counter.forget(deliveries[i].counterKey());
            }
        }
        for (Action a : ACTIONS) {
            if (counts[a.ordinal()] > 0) {
                metrics.settled(deliveries[0].queue(), a, counts[a.ordinal()]);
            }
        }
    }

    /** Sends the frames in tag order (a batch keeps broker order, so sorting is rarely needed). */
    private static boolean send(ChannelSession session, Delivery[] deliveries, Action[] actions, int n) {
        long[] tags = new long[n];
        boolean increasing = true;
        for (int i = 0; i < n; i++) {
            tags[i] = deliveries[i].deliveryTag();
            increasing &= i == 0 || tags[i] > tags[i - 1];
        }
        if (increasing) {
            return session.settle(tags, actions, n);
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong(i -> tags[i]));
        long[] sortedTags = new long[n];
        Action[] sortedActions = new Action[n];
        for (int i = 0; i < n; i++) {
            sortedTags[i] = tags[order[i]];
            sortedActions[i] = actions[order[i]];
        }
        return session.settle(sortedTags, sortedActions, n);
    }
}
