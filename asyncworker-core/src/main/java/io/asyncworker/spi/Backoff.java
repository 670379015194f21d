package io.asyncworker.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter as an immutable value (like okhttp-eventsource's strategies):
 * {@link #delay(double)} gives this attempt's wait, {@link #next()} the policy for the following
 * attempt, {@link #reset()} the policy after a success. Reconnects of every backend and retries
 * of failed messages use it.
 *
 * <p>The attempt's nominal delay is {@code min(max, b × multiplier^attempt)}, at least 1 ms, where
 * {@code b} is {@code first} at the first attempt in a row and {@code max(first, floor)} after it:
 * a first delay lowered below the floor (e.g. a server's {@code retry: 0}) is honoured once, so it
 * cannot make a client retry in a tight loop. Jitter takes up to {@code jitter × nominal} off at
 * random, so that many workers do not retry in step.
 *
 * <pre>{@code
 * Backoff b = Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(30));
 * timer.schedule(b.delay(random.nextDouble()), this::reconnect);
 * b = b.next();
 * }</pre>
 *
 * @param first      the first nominal delay
 * @param floor      the least base of the second and later attempts in a row
 * @param max        the largest nominal delay
 * @param multiplier how much each attempt multiplies the delay, at least 1
 * @param jitter     the largest fraction of a delay taken off at random, from 0 to 1
 * @param attempt    how many attempts failed before this one
 */
public record Backoff(Duration first, Duration floor, Duration max, double multiplier, double jitter, int attempt) {
    /** The jitter of {@link #of(Duration, Duration)}. */
    public static final double DEFAULT_JITTER = 0.5;

    /** Validates the components. */
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || floor.isNegative() || max.isNegative() || attempt < 0 || !(multiplier >= 1) || !(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff needs first, floor, max >= 0, multiplier >= 1, jitter in [0, 1] and "
                    + "attempt >= 0; got " + first + ", " + floor + ", " + max + ", " + multiplier + ", " + jitter + ", " + attempt);
        }
    }

    /**
     * Doubling from {@code first} (also the floor) up to {@code max}, with up to half of each delay
     * taken off at random.
     *
     * @param first the first nominal delay and the floor of later first delays
     * @param max the largest nominal delay
     * @return the policy at its first attempt
     * @throws IllegalArgumentException when a delay is negative
     */
    public static Backoff of(Duration first, Duration max) {
        return new Backoff(first, first, max, 2, DEFAULT_JITTER, 0);
    }

    /**
     * The same policy with another jitter fraction.
     *
     * @param fraction the largest fraction of a delay taken off at random, from 0 to 1
     * @return a copy with this jitter
     * @throws IllegalArgumentException when the fraction is outside {@code [0, 1]}
     */
    public Backoff withJitter(double fraction) {
        return new Backoff(first, floor, max, multiplier, fraction, attempt);
    }

    /**
     * The same policy with another multiplier.
     *
     * @param factor how much each attempt multiplies the delay, at least 1
     * @return a copy with this multiplier
     * @throws IllegalArgumentException when the factor is below 1
     */
    public Backoff withMultiplier(double factor) {
        return new Backoff(first, floor, max, factor, jitter, attempt);
    }

    /**
     * The policy with another first delay (e.g. a server's {@code retry:}), raising the maximum if it
     * is larger; the floor stays.
     *
     * @param delay the new first delay, not negative; may be below the floor
     * @return a copy with this first delay
     * @throws IllegalArgumentException when the delay is negative
     */
    public Backoff withFirst(Duration delay) {
        return new Backoff(delay, floor, delay.compareTo(max) > 0 ? delay : max, multiplier, jitter, attempt);
    }

    /**
     * The policy after one more failure.
     *
     * @return a copy one attempt further on (this policy itself after 1,000 attempts)
     */
    public Backoff next() {
        return attempt >= 1_000 ? this : new Backoff(first, floor, max, multiplier, jitter, attempt + 1);
    }

    /**
     * The policy after a success: back to the first delay.
     *
     * @return a copy at attempt 0 (this policy itself when it is there already)
     */
    public Backoff reset() {
        return attempt == 0 ? this : new Backoff(first, floor, max, multiplier, jitter, 0);
    }

    /** {@return the delay before jitter (see the class comment), at least 1 ms} */
    public Duration nominal() {
        Duration from = attempt == 0 || first.compareTo(floor) >= 0 ? first : floor;
        long firstNanos = Math.max(saturatedNanos(from), 1_000_000L);
        long maxNanos = Math.max(saturatedNanos(max), firstNanos);
        double scaled = firstNanos * Math.pow(multiplier, attempt);
        return Duration.ofNanos(scaled >= maxNanos ? maxNanos : (long) scaled);
    }

    /**
     * The delay to wait, between {@code (1 - jitter) × nominal} and {@code nominal}.
     *
     * @param random a uniform value in {@code [0, 1)}
     * @return the delay for this attempt
     * @throws IllegalArgumentException when {@code random} is outside {@code [0, 1)}
     */
    public Duration delay(double random) {
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be within [0, 1), got " + random);
        }
        long nominal = nominal().toNanos();
        return Duration.ofNanos(nominal - (long) (nominal * jitter * random));
    }

    /** A server may send any {@code retry:} number; beyond ~292 years of nanoseconds it saturates. */
    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
