package io.asyncworker.rabbitmq.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter as an immutable value: {@link #delay(double)} gives this
 * attempt's wait, {@link #next()} the policy for the following attempt, {@link #reset()} the
 * policy after a success.
 *
 * <p>The attempt's base delay is {@code min(max, first × 2^attempt)}; jitter takes off up to half
 * of it, so that many workers do not reconnect in step.
 *
 * @param first   the first base delay
 * @param max     the largest base delay
 * @param attempt how many attempts failed before this one
 */
record Backoff(Duration first, Duration max, int attempt) {
    private static final double JITTER = 0.5;

    Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be at least 0, got " + attempt);
        }
    }

    /** A fresh policy. */
    static Backoff of(Duration first, Duration max) {
        return new Backoff(first, max, 0);
    }

    /** The delay before this attempt. */
    Duration delay(double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be within [0, 1), got " + random);
        }
        long base = base().toNanos();
        return Duration.ofNanos(base - (long) (base * JITTER * random));
    }

    /** The delay before this attempt, without jitter. */
    Duration base() {
        int shift = Math.min(attempt, 30);
        long nanos = first.toNanos();
        long scaled = nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
        return scaled >= max.toNanos() ? max : Duration.ofNanos(scaled);
    }

    /** The policy for the next attempt. */
    Backoff next() {
        return new Backoff(first, max, attempt == Integer.MAX_VALUE ? attempt : attempt + 1);
    }

    /** The policy after a success. */
    Backoff reset() {
        return new Backoff(first, max, 0);
    }
}
