package io.asyncworker.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A fixed rate on a grid every replica shares: due times are the wall-clock instants that are
 * whole multiples of the period since the Unix epoch (every 30 s: :00 and :30 of each minute), so
 * that replicas started at different times agree on each due time. Used by once-per-fleet
 * {@code every(...)} schedules.
 */
public record AlignedRate(Duration period) implements Trigger {

    @Override
    public Duration defaultInitialDelay() {
        return Duration.ZERO;
    }

    @Override
    public Optional<Instant> firstAtOrAfter(Instant t) {
        long step = period.toNanos();
        long since = Duration.between(Instant.EPOCH, t).toNanos();
        long steps = Math.floorDiv(since, step) + (Math.floorMod(since, step) == 0 ? 0 : 1);
        return Optional.of(Instant.EPOCH.plusNanos(Math.multiplyExact(steps, step)));
    }

    @Override
    public Optional<NextFire> next(Instant previous, Instant now) {
        return new FixedRate(period).next(previous, now);
    }

    @Override
    public boolean fromCompletion() {
        return false;
    }

    @Override
    public boolean wallClock() {
        return true;
    }

    @Override
    public String describe() {
        return "every " + period + " (aligned to the epoch)";
    }
}
