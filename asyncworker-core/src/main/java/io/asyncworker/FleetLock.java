package io.asyncworker;

/**
 * Decides which replica of a worker runs a due time of a once-per-fleet schedule
 * ({@code Schedule.oncePerFleet(FleetLock)}): "may this replica run the due time T of schedule S?".
 * For each claim, exactly one replica of the fleet may get {@code true}; every other one gets
 * {@code false}, or an exception when it cannot tell. Implementations coordinate through something
 * all replicas share: {@code AmqpConnection.fleetLock()} (module {@code asyncworker-rabbitmq}) does
 * it through the broker, with no database.
 *
 * <p>What a correct implementation must guarantee, so that no due time runs twice:
 * <ul>
 *   <li>a claim that returned {@code true} was recorded where every replica's claim for the same
 *       schedule and due time is checked against it, and it is remembered at least
 *       {@link FleetClaim#keep()} after the last claim for it; a later claim, however late it
 *       arrives within that time, gets {@code false};</li>
 *   <li>{@code true} is only returned once the record is durable (e.g. confirmed by the broker):
 *       a replica that cannot reach the record — partitioned from it — gets an exception or
 *       {@code false}, never {@code true}.</li>
 * </ul>
 * The scheduler adds the rest: it claims a due time only shortly after it is due, and does not run
 * it when the answer came later than that (see {@code Schedule.oncePerFleet(FleetLock)}).
 *
 * <p>Called on the virtual thread of the due run, before the task; it may block. Calls for
 * different schedules and due times may overlap, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface FleetLock {

    /**
     * Claims one due time of one schedule for this replica.
     *
     * @param claim the schedule and due time to claim, and how long a winning claim is to be kept
     * @return {@code true} when this replica won the claim and is to run the due time;
     *         {@code false} when another replica claimed it first
     * @throws Exception when the outcome is unknown (the store is unreachable, the claim was not
     *                   confirmed in time); the replica then does not run the due time
     */
    boolean tryClaim(FleetClaim claim) throws Exception;
}
