package io.asyncworker.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs due on a fixed grid: first due + n × period, so lateness never accumulates (no drift).
 * When the timer fires more than a period late, the passed grid points are skipped and the next
 * one at or after now is returned.
 */
public record FixedRate(Duration period) implements Trigger {

    @Override
    public Duration defaultInitialDelay() {
        return period;
    }

    @Override
    public Optional<Instant> firstAtOrAfter(Instant t) {
        return Optional.of(t);
    }

    @Override
    public Optional<NextFire> next(Instant previous, Instant now) {
        Instant next = previous.plus(period);
        if (!next.isBefore(now)) {
            return Optional.of(new NextFire(next, 0));
        }
        long behind = Duration.between(previous, now).toNanos();
        long step = period.toNanos();
        long steps = (behind + step - 1) / step;
        return Optional.of(new NextFire(previous.plusNanos(steps * step), steps - 1));
    }

    @Override
    public boolean fromCompletion() {
        return false;
    }

    @Override
    public boolean wallClock() {
        return false;
    }

    @Override
    public String describe() {
        return "every " + period;
    }
}
