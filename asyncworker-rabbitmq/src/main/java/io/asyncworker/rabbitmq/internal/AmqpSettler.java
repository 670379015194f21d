package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Action;
import io.asyncworker.spi.SettleSink;
import io.asyncworker.spi.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a batch's verdicts on the broker: groups the messages by channel session, skips
 * sessions of an older channel generation (their tags mean nothing on the new channel; the broker
 * redelivers those messages) and sends each group's planned frames; forgets the redelivery count of
 * a message settled for good.
 *
 * <p>Called on handler threads (or the stopping thread); calls for different batches may overlap,
 * the sessions serialize them.
 */
final class AmqpSettler implements SettleSink<Delivery> {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpSettler.class);
    private final String route;
    private final DeliveryCounter counter;

    AmqpSettler(String route, DeliveryCounter counter) {
        this.route = route;
        this.counter = counter;
    }

    @Override
    public void settle(List<Delivery> batch, List<Verdict> verdicts) {
        int n = batch.size();
        Delivery[] deliveries = batch.toArray(new Delivery[n]);
        Action[] actions = new Action[n];
        boolean oneSession = true;
        for (int i = 0; i < n; i++) {
            actions[i] = verdicts.get(i).action();
            oneSession &= deliveries[i].session() == deliveries[0].session();
        }
        if (oneSession) {
            settleGroup(deliveries, actions, n);
        } else {
            settleBySession(deliveries, actions);
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

    /** Settles the first {@code n} deliveries, all of one session. */
    private void settleGroup(Delivery[] deliveries, Action[] actions, int n) {
        ChannelSession session = deliveries[0].session();
        if (session.generation() != deliveries[0].consumer().generation() || !send(session, deliveries, actions, n)) {
            LOG.debug("route '{}': {} messages of dead channel generation {} on '{}' not settled; the broker redelivers them",
                    route, n, session.generation(), deliveries[0].source());
            return;
        }
        for (int i = 0; i < n; i++) {
            if (actions[i] != Action.REQUEUE && deliveries[i].counterKey() != null) {
                counter.forget(deliveries[i].counterKey());
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
