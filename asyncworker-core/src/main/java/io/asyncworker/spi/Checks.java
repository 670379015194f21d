package io.asyncworker.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The argument checks every builder shares, so that each option's error reads alike: it names the
 * option and the bad value. Each returns the value it checked.
 *
 * <pre>{@code
 * this.prefetch = Checks.atLeast("prefetch", prefetch, 1);
 * this.timeout = Checks.positive("connectTimeout", timeout);
 * }</pre>
 */
public final class Checks {
    /** The longest duration any option takes (100 years): longer ones overflow timers or mean a unit mistake. */
    public static final Duration MAX_DURATION = Duration.ofDays(36_500);

    private Checks() {
    }

    /**
     * A non-null, non-blank text.
     *
     * @param option the option's name, as the user writes it
     * @param value the value to check
     * @return the value
     * @throws IllegalArgumentException naming the option when blank
     */
    public static String notBlank(String option, String value) {
        Objects.requireNonNull(value, option);
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank");
        }
        return value;
    }

    /**
     * A whole number of at least {@code min}.
     *
     * @param option the option's name, as the user writes it
     * @param value the value to check
     * @param min the smallest value allowed
     * @return the value
     * @throws IllegalArgumentException naming the option, the bound and the value when it is below {@code min}
     */
    public static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @param option the option's name, as the user writes it
     * @param value the value to check
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     * @throws IllegalArgumentException naming the option, the bounds and the value when it is out of range
     */
    public static int between(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /**
     * A duration greater than zero and at most {@link #MAX_DURATION}.
     *
     * @param option the option's name, as the user writes it
     * @param value the value to check
     * @return the value
     * @throws IllegalArgumentException naming the option and the value when it is out of range
     */
    public static Duration positive(String option, Duration value) {
        return between(option, value, Duration.ofNanos(1), MAX_DURATION);
    }

    /**
     * A duration of zero or more, at most {@link #MAX_DURATION}.
     *
     * @param option the option's name, as the user writes it
     * @param value the value to check
     * @return the value
     * @throws IllegalArgumentException naming the option and the value when it is out of range
     */
    public static Duration notNegative(String option, Duration value) {
        return between(option, value, Duration.ZERO, MAX_DURATION);
    }

    /**
     * A duration from {@code min} to {@code max}.
     *
     * @param option the option's name, as the user writes it
     * @param value the value to check
     * @param min the shortest duration allowed
     * @param max the longest duration allowed
     * @return the value
     * @throws IllegalArgumentException naming the option, the bound and the value when it is out of range
     */
    public static Duration between(String option, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, option);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(option + (min.isZero() ? " must not be negative"
                    : min.equals(Duration.ofNanos(1)) ? " must be positive" : " must be at least " + min) + ", got " + value);
        }
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + " must be at most "
                    + (max.equals(MAX_DURATION) ? "36500 days (100 years)" : max) + ", got " + value);
        }
        return value;
    }

    /**
     * A route of the backend's own class, e.g. an {@code AmqpRoute} for the RabbitMQ backend.
     *
     * @param how how to build one, for the message, e.g. {@code AmqpRoute.consume(...)}
     * @param <R> the backend's route class
     * @param route the route the app was given
     * @param type the backend's route class
     * @return the route, cast to {@code type}
     * @throws IllegalArgumentException naming the route when it is of another class
     */
    public static <R extends io.asyncworker.Route> R routeOf(io.asyncworker.Route route, Class<R> type, String how) {
        if (type.isInstance(route)) {
            return type.cast(route);
        }
        throw new IllegalArgumentException("route '" + route.name() + "' has type " + route.type() + " but is a "
                + route.getClass().getName() + ", not a " + type.getSimpleName() + ": build it with " + how);
    }
}
