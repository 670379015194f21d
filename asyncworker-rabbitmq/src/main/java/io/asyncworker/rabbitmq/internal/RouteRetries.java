package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import io.asyncworker.RetryPolicy;
import io.asyncworker.rabbitmq.AmqpRoute;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker-side retry places of one route with a {@link RetryPolicy}: the {@link RetryQueues} of
 * each of its queues. Immutable; thread-safe.
 */
final class RouteRetries {
    private final Map<String, RetryQueues> byQueue = new LinkedHashMap<>();

    private RouteRetries(AmqpRoute route, RetryPolicy policy) {
        boolean quorum = route.declaration().map(d -> d.isQuorum()).orElse(false);
        for (String q : route.queues()) {
            byQueue.put(q, new RetryQueues(q, policy, route.parkingLot().orElse(null), quorum));
        }
    }

    /** {@return the route's retry places, empty when it has no retry policy} */
    static Optional<RouteRetries> of(AmqpRoute route) {
        return route.options().retry().map(p -> new RouteRetries(route, p));
    }

    /** The places of one of the route's queues. */
    RetryQueues of(String queue) {
        return byQueue.get(queue);
    }

    /** Declares a queue's delay queues and parking lot (see {@link RetryQueues#declare}). */
    void declare(Channel ch, String queue) throws IOException {
        byQueue.get(queue).declare(ch);
    }

    /** The distinct parking lots, in queue order. */
    List<String> parkingLots() {
        return List.copyOf(new LinkedHashSet<>(byQueue.values().stream().map(RetryQueues::parkingLot).toList()));
    }

    /** The queue whose messages a parking lot holds, when it is one queue's own. */
    Optional<String> sourceOf(String parkingLot) {
        List<String> sources = byQueue.values().stream().filter(r -> r.parkingLot().equals(parkingLot))
                .map(RetryQueues::queue).toList();
        return sources.size() == 1 ? Optional.of(sources.get(0)) : Optional.empty();
    }

    /** Every queue's retry places, for descriptions. */
    List<RetryQueues> all() {
        return List.copyOf(byQueue.values());
    }
}
