package io.asyncworker;

import io.asyncworker.spi.Backoff;
import io.asyncworker.spi.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a batched route retries messages whose handler failed, and when it gives up and parks them
 * (SPEC §14), like Failsafe's {@code RetryPolicy}: at most {@link #maxAttempts()} attempts, waiting
 * an exponential backoff between them; exceptions of {@link #parkOn()} types, and of types outside
 * {@link #retryOn()} when that is set, are parked at once.
 *
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.builder()
 *         .maxAttempts(5)                                              // 1 delivery + 4 retries
 *         .backoff(Duration.ofSeconds(1), Duration.ofMinutes(5))       // 1 s, 2 s, 4 s, 8 s
 *         .parkOn(IllegalArgumentException.class)                      // bad data: no retry helps
 *         .build();
 * app.route(AmqpRoute.consume("items").retry(retry).handler(batch -> ...));
 * }</pre>
 *
 * <p>With a policy, the messages of a failed batch that the handler did not decide are retried
 * while attempts remain, then parked; a handler may also call {@link Message#retry()} or
 * {@link Message#park(String)} for one message. {@code onException} does not apply. How a backend
 * waits and where it parks is its own: RabbitMQ republishes to delay queues and a parking-lot
 * queue, an SSE stream reconnects after the delay and logs what it parks.
 *
 * <p>The delay before attempt {@code n + 1} is the backoff's nominal delay
 * {@code min(maxDelay, delay × multiplier^(n-1))}, in whole milliseconds. A backend that waits in
 * process takes up to {@link #jitter()} of it off at random; one whose broker holds the retries
 * (one delay queue per distinct delay) waits the nominal delay.
 *
 * <p>An immutable value; thread-safe. The builder is not thread-safe.
 */
public final class RetryPolicy {
    /** The default number of attempts: the first delivery and two retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The default delay before the first retry. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    /** The default longest delay. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(5);
    /** The most attempts a policy allows. */
    public static final int MAX_ATTEMPTS = 1_000;
    /** The longest delay a policy allows: a message that should wait longer belongs in the parking lot. */
    public static final Duration MAX_DELAY = Duration.ofDays(30);

    private final int maxAttempts;
    private final Backoff backoff;
    private final List<Class<? extends Throwable>> retryOn;
    private final List<Class<? extends Throwable>> parkOn;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoff = new Backoff(b.delay, b.delay, b.maxDelay, b.multiplier, b.jitter, 0);
        this.retryOn = List.copyOf(b.retryOn);
        this.parkOn = List.copyOf(b.parkOn);
    }

    /**
     * {@return a builder with the defaults: 3 attempts, 1 s doubling up to 5 min, jitter 0.5, every
     * exception retried}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the policy with every default} */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** {@return how many times a message is handled at most, its first delivery included} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the backoff between attempts, at its first attempt} */
    public Backoff backoff() {
        return backoff;
    }

    /** {@return the largest fraction of a delay taken off at random by backends that wait in process} */
    public double jitter() {
        return backoff.jitter();
    }

    /** {@return the exception types that are retried; empty means every type not in {@link #parkOn()}} */
    public List<Class<? extends Throwable>> retryOn() {
        return retryOn;
    }

    /** {@return the exception types that are parked at once, without a retry} */
    public List<Class<? extends Throwable>> parkOn() {
        return parkOn;
    }

    /**
     * {@return whether a failure is worth a retry: not a {@link #parkOn()} type and, when
     * {@link #retryOn()} is set, one of its types (or a subtype)}
     *
     * @param failure what the handler threw
     */
    public boolean retries(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        if (parkOn.stream().anyMatch(t -> t.isInstance(failure))) {
            return false;
        }
        return retryOn.isEmpty() || retryOn.stream().anyMatch(t -> t.isInstance(failure));
    }

    /**
     * The nominal delay before the attempt after {@code attempt}, when one remains.
     *
     * @param attempt the attempt that just failed, from 1
     * @return the delay in whole milliseconds (at least 1 ms); empty when {@code attempt} was the last
     */
    public Optional<Duration> delayAfter(int attempt) {
        Checks.atLeast("attempt", attempt, 1);
        return attempt >= maxAttempts ? Optional.empty() : Optional.of(nominal(attempt));
    }

    /**
     * {@return the distinct nominal delays of this policy, shortest first: what a backend whose
     * broker holds retries needs one delay queue for}
     */
    public List<Duration> delays() {
        TreeSet<Duration> distinct = new TreeSet<>();
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            Duration d = nominal(attempt);
            distinct.add(d);
            if (d.compareTo(backoff.max()) >= 0) {
                break; // every later delay is the maximum
            }
        }
        return List.copyOf(distinct);
    }

    private Duration nominal(int attempt) {
        Backoff at = new Backoff(backoff.first(), backoff.floor(), backoff.max(), backoff.multiplier(), backoff.jitter(),
                Math.min(attempt - 1, MAX_ATTEMPTS));
        return Duration.ofMillis(Math.max(1, at.nominal().toMillis()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && p.maxAttempts == maxAttempts && p.backoff.equals(backoff)
                && p.retryOn.equals(retryOn) && p.parkOn.equals(parkOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, backoff, retryOn, parkOn);
    }

    /** E.g. {@code 3 attempts, PT1S ×2 up to PT5M, jitter 0.5, retry on every exception}. */
    @Override
    public String toString() {
        return maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts") + ", " + backoff.first()
                + " ×" + multiplier() + " up to " + backoff.max() + ", jitter " + backoff.jitter()
                + ", retry on " + (retryOn.isEmpty() ? "every exception" : names(retryOn))
                + (parkOn.isEmpty() ? "" : ", park at once on " + names(parkOn));
    }

    private String multiplier() {
        double m = backoff.multiplier();
        return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
    }

    private static String names(List<Class<? extends Throwable>> types) {
        return String.join(", ", types.stream().map(Class::getSimpleName).toList());
    }

    /**
     * Builds a {@link RetryPolicy}; each setter checks its argument at once and throws
     * {@link IllegalArgumentException} naming the option. Not thread-safe.
     */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration delay = DEFAULT_DELAY;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private double multiplier = 2;
        private double jitter = Backoff.DEFAULT_JITTER;
        private final List<Class<? extends Throwable>> retryOn = new ArrayList<>();
        private final List<Class<? extends Throwable>> parkOn = new ArrayList<>();

        private Builder() {
        }

        /**
         * How many times a message is handled at most, its first delivery included; {@code 1} parks
         * at the first failure. From 1 to {@value RetryPolicy#MAX_ATTEMPTS}; default 3.
         *
         * @param attempts the number of attempts
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = Checks.between("maxAttempts", attempts, 1, MAX_ATTEMPTS);
            return this;
        }

        /**
         * Doubling delays from {@code delay} up to {@code maxDelay}; default 1 s up to 5 min.
         *
         * @param delay    the delay before the first retry, from 1 ms to 30 days
         * @param maxDelay the longest delay, from {@code delay} to 30 days
         * @return this builder
         */
        public Builder backoff(Duration delay, Duration maxDelay) {
            return backoff(delay, maxDelay, 2);
        }

        /**
         * Delays from {@code delay}, multiplied by {@code multiplier} per attempt, up to {@code maxDelay}.
         *
         * @param delay      the delay before the first retry, from 1 ms to 30 days
         * @param maxDelay   the longest delay, from {@code delay} to 30 days
         * @param multiplier how much each attempt multiplies the delay, from 1 (a fixed delay) to 100
         * @return this builder
         */
        public Builder backoff(Duration delay, Duration maxDelay, double multiplier) {
            Checks.between("delay", delay, Duration.ofMillis(1), MAX_DELAY);
            Checks.between("maxDelay", maxDelay, delay, MAX_DELAY);
            if (!(multiplier >= 1 && multiplier <= 100)) {
                throw new IllegalArgumentException("multiplier must be from 1 to 100, got " + multiplier);
            }
            this.delay = delay;
            this.maxDelay = maxDelay;
            this.multiplier = multiplier;
            return this;
        }

        /**
         * The same delay before every retry.
         *
         * @param delay the delay, from 1 ms to 30 days
         * @return this builder
         */
        public Builder fixedDelay(Duration delay) {
            return backoff(delay, delay, 1);
        }

        /**
         * The largest fraction of each delay taken off at random by backends that wait in process,
         * so that many workers do not retry in step; brokers that hold retries in delay queues wait
         * the nominal delay. From 0 to 1; default 0.5.
         *
         * @param fraction the fraction
         * @return this builder
         */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("jitter must be from 0 to 1, got " + fraction);
            }
            this.jitter = fraction;
            return this;
        }

        /**
         * Retries only these exception types (and their subtypes); others are parked at once.
         * Default: every type not given to {@link #parkOn}.
         *
         * @param types the exception types, at least one
         * @return this builder
         */
        @SafeVarargs
        public final Builder retryOn(Class<? extends Throwable>... types) {
            retryOn.clear();
            retryOn.addAll(types("retryOn", types));
            return this;
        }

        /**
         * Parks these exception types (and their subtypes) at once, without a retry: failures that
         * no retry can mend, such as invalid data. Checked before {@link #retryOn}.
         *
         * @param types the exception types, at least one
         * @return this builder
         */
        @SafeVarargs
        public final Builder parkOn(Class<? extends Throwable>... types) {
            parkOn.clear();
            parkOn.addAll(types("parkOn", types));
            return this;
        }

        private static List<Class<? extends Throwable>> types(String option, Class<? extends Throwable>[] types) {
            Objects.requireNonNull(types, option);
            if (types.length == 0) {
                throw new IllegalArgumentException(option + " needs at least one exception type");
            }
            for (Class<? extends Throwable> t : types) {
                Objects.requireNonNull(t, option);
            }
            return List.of(types);
        }

        /**
         * {@return the immutable policy}
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
