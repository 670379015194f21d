package io.asyncworker.sse.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The reconnect delay policy as an immutable value: exponential from a base delay up to a
 * maximum, with up to {@value #JITTER} of the delay taken off at random so that many clients do
 * not reconnect in step. A server's {@code retry:} replaces the base (and raises the maximum if
 * it is larger), but only for the first attempt: from the second attempt in a row on, the delay
 * grows from at least the floor (the connection's initial backoff), so that a server sending
 * {@code retry: 0} cannot make the client reconnect in a tight loop. Each change returns a new value.
 *
 * @param base    the first delay: the connection's initial backoff or the server's retry
 * @param floor   the least base of the second and later attempts in a row
 * @param max     the largest delay
 * @param attempt failed attempts in a row, see {@link Reconnects} for what counts as failed
 */
public record Backoff(Duration base, Duration floor, Duration max, int attempt) {
    /** The largest fraction of a delay that jitter takes off. */
    public static final double JITTER = 0.2;

    /** Validates the components. */
    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || floor.isNegative() || max.isNegative() || attempt < 0) {
            throw new IllegalArgumentException("backoff must not be negative: " + base + ", " + floor + ", " + max
                    + ", " + attempt);
        }
    }

    /** A policy at its first attempt, {@code initial} being both the base and the floor. */
    public static Backoff of(Duration initial, Duration max) {
        return new Backoff(initial, initial, max, 0);
    }

    /** The policy after one more failure. */
    public Backoff next() {
        return attempt >= 62 ? this : new Backoff(base, floor, max, attempt + 1);
    }

    /** The policy after a success: back to the base delay. */
    public Backoff reset() {
        return attempt == 0 ? this : new Backoff(base, floor, max, 0);
    }

    /** The policy with the server's reconnection time ({@code retry:} field) as its base. */
    public Backoff withRetry(Duration retry) {
        return new Backoff(retry, floor, retry.compareTo(max) > 0 ? retry : max, attempt);
    }

    /**
     * The delay before jitter: {@code min(max, b × 2^attempt)}, at least 1 ms, where {@code b} is
     * the base at the first attempt and {@code max(base, floor)} after it.
     */
    public Duration nominal() {
        Duration from = attempt == 0 || base.compareTo(floor) >= 0 ? base : floor;
        long baseNanos = Math.max(saturatedNanos(from), 1_000_000L);
        long maxNanos = Math.max(saturatedNanos(max), baseNanos);
        int shift = Math.min(attempt, 62);
        long nanos = baseNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, baseNanos << shift);
        return Duration.ofNanos(nanos);
    }

    /**
     * The delay to wait, between {@code (1 - JITTER) × nominal} and {@code nominal}.
     *
     * @param random a uniform value in {@code [0, 1)}
     */
    public Duration delay(double random) {
        long nominal = nominal().toNanos();
        return Duration.ofNanos(nominal - (long) (nominal * JITTER * random));
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
