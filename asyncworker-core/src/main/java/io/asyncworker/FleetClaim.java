package io.asyncworker;

import io.asyncworker.spi.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One claim a replica makes through a {@link FleetLock}: which schedule, which due time, and how
 * long the winning claim must be remembered.
 *
 * <p>An immutable value; thread-safe.
 */
public final class FleetClaim {
    private final String schedule;
    private final Instant due;
    private final Duration keep;

    private FleetClaim(String schedule, Instant due, Duration keep) {
        this.schedule = schedule;
        this.due = due;
        this.keep = keep;
    }

    /**
     * A claim.
     *
     * @param schedule the schedule's name, the same on every replica
     * @param due      the due time, the same on every replica
     * @param keep     how long the winning claim must be remembered at least; positive
     * @return the claim
     * @throws IllegalArgumentException when the name is blank or {@code keep} is not positive or longer than 100 years
     */
    public static FleetClaim of(String schedule, Instant due, Duration keep) {
        Checks.notBlank("schedule", schedule);
        Objects.requireNonNull(due, "due");
        Checks.positive("keep", keep);
        return new FleetClaim(schedule, due, keep);
    }

    /** {@return the schedule's name, as every replica names it} */
    public String schedule() {
        return schedule;
    }

    /** {@return the due time claimed, as every replica computes it} */
    public Instant due() {
        return due;
    }

    /**
     * {@return how long the winning claim must be remembered at least, counted from the last claim for
     * this due time: longer than any replica may still make such a claim}
     */
    public Duration keep() {
        return keep;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetClaim c && c.schedule.equals(schedule) && c.due.equals(due) && c.keep.equals(keep);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, due, keep);
    }

    @Override
    public String toString() {
        return "claim of schedule '" + schedule + "' due at " + due;
    }
}
