package io.asyncworker.rabbitmq.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The order in which one {@code AmqpConnection} tries its broker nodes: shuffled once, so that a
 * fleet of workers spreads over a cluster, then taken in turn: each connection attempt starts one
 * node further than the previous one, so a reconnect after losing a node tries the next node first
 * and a node that refuses is not retried before the others.
 *
 * <p>Thread-safe: the consuming, publishing and probing connections share it.
 */
public final class NodeRotation {
    private final List<BrokerNode> order;
    private final AtomicInteger next = new AtomicInteger();

    /** A rotation over the nodes, shuffled with the given randomness. */
    public NodeRotation(List<BrokerNode> nodes, Random random) {
        List<BrokerNode> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, random);
        this.order = List.copyOf(shuffled);
    }

    /** A rotation shuffled at random. */
    public static NodeRotation shuffled(List<BrokerNode> nodes) {
        return new NodeRotation(nodes, ThreadLocalRandom.current());
    }

    /** Every node, starting one further than the previous call did. */
    public List<BrokerNode> nextAttempt() {
        int start = Math.floorMod(next.getAndIncrement(), order.size());
        List<BrokerNode> attempt = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            attempt.add(order.get((start + i) % order.size()));
        }
        return attempt;
    }

    /** The nodes in their shuffled order. */
    public List<BrokerNode> nodes() {
        return order;
    }
}
