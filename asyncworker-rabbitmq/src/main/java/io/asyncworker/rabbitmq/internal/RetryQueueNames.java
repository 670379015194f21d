package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Origin;
import io.asyncworker.RetryPolicy;
import io.asyncworker.RouteOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of a route's delay queues and parking lots (see {@link RetryQueues}), checked at the
 * route builder and shown by {@code asyncworker routes}. Stateless.
 */
public final class RetryQueueNames {
    private RetryQueueNames() {
    }

    /**
     * Checks that a policy's queues can exist for these queues.
     *
     * @param queues     the route's queues
     * @param policy     its retry policy
     * @param parkingLot its own parking lot, {@code null} for each queue's {@code <queue>.parking-lot}
     * @throws IllegalArgumentException naming the option when a name is too long or there are too many delays
     */
    public static void check(List<String> queues, RetryPolicy policy, String parkingLot) {
        int delays = policy.delays().size();
        if (delays > RetryQueues.MAX_DELAY_QUEUES) {
            throw new IllegalArgumentException("retry: the policy's backoff gives " + delays + " distinct delays, each a "
                    + "delay queue on the broker; at most " + RetryQueues.MAX_DELAY_QUEUES
                    + " (raise the multiplier, or lower maxDelay or maxAttempts)");
        }
        for (String q : queues) {
            for (String name : new RetryQueues(q, policy, parkingLot, false).names()) {
                HeaderValues.shortString("retry: the derived queue name '" + name + "'", name);
            }
        }
    }

    /**
     * {@return the {@code delayQueues} and {@code parkingLot} options of a route, as {@code routes} shows them}
     *
     * @param queues     the route's queues
     * @param policy     its retry policy
     * @param parkingLot its own parking lot, {@code null} for each queue's {@code <queue>.parking-lot}
     */
    public static List<RouteOption> describe(List<String> queues, RetryPolicy policy, String parkingLot) {
        List<String> delays = new ArrayList<>();
        Set<String> lots = new LinkedHashSet<>();
        for (String q : queues) {
            RetryQueues r = new RetryQueues(q, policy, parkingLot, false);
            delays.addAll(r.delayQueues());
            lots.add(r.parkingLot());
        }
        return List.of(
                new RouteOption("delayQueues", delays.isEmpty() ? "none (maxAttempts 1)"
                        : String.join(", ", delays) + " (nominal delays, no jitter)", Origin.CODE),
                new RouteOption("parkingLot", String.join(", ", lots), parkingLot == null ? Origin.DEFAULT : Origin.CODE));
    }
}
