package io.asyncworker.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Each run is due a fixed delay after the previous run ended; runs of the chain never overlap. */
public record FixedDelay(Duration delay) implements Trigger {

    @Override
    public Duration defaultInitialDelay() {
        return delay;
    }

    @Override
    public Optional<Instant> firstAtOrAfter(Instant t) {
        return Optional.of(t);
    }

    /** {@code now} is the end of the previous run. */
    @Override
    public Optional<NextFire> next(Instant previous, Instant now) {
        return Optional.of(new NextFire(now.plus(delay), 0));
    }

    @Override
    public boolean fromCompletion() {
        return true;
    }

    @Override
    public boolean wallClock() {
        return false;
    }

    @Override
    public String describe() {
        return "fixedDelay " + delay;
    }
}
