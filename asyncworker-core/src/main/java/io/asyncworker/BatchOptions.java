package io.asyncworker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The batching and outcome options shared by every batched route (RabbitMQ, SSE).
 *
 * <p>An immutable value; build one with {@link #builder()}. Options not set in code keep their
 * defaults: bulk size 1, flush timeout from {@code ASYNCWORKER_FLUSH_TIMEOUT}, {@code onSuccess(ACK)},
 * {@code onException(REQUEUE)}, concurrency bounded only by the backend's flow control, no
 * delivery limit.
 */
public final class BatchOptions {
    /** Default bulk size. */
    public static final int DEFAULT_BULK_SIZE = 1;

    private final Integer bulkSize;
    private final Duration flushTimeout;
    private final Action onSuccess;
    private final Action onException;
    private final Integer maxConcurrency;
    private final Integer maxDeliveries;

    private BatchOptions(Builder b) {
        this.bulkSize = b.bulkSize;
        this.flushTimeout = b.flushTimeout;
        this.onSuccess = b.onSuccess;
        this.onException = b.onException;
        this.maxConcurrency = b.maxConcurrency;
        this.maxDeliveries = b.maxDeliveries;
    }

    /** {@return a builder with every option at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the options with every default} */
    public static BatchOptions defaults() {
        return builder().build();
    }

    /** {@return the largest batch a handler receives} */
    public int bulkSize() {
        return bulkSize == null ? DEFAULT_BULK_SIZE : bulkSize;
    }

    /** {@return the flush timeout set in code; empty means the settings' {@code flushTimeout()}} */
    public Optional<Duration> flushTimeout() {
        return Optional.ofNullable(flushTimeout);
    }

    /**
     * {@return the effective flush timeout under the given settings}
     *
     * @param settings the settings
     */
    public Duration flushTimeout(Settings settings) {
        return flushTimeout != null ? flushTimeout : settings.flushTimeout();
    }

    /** {@return the action for messages without an explicit decision when the handler returns} */
    public Action onSuccess() {
        return onSuccess == null ? Action.ACK : onSuccess;
    }

    /** {@return the action for messages without an explicit decision when the handler throws} */
    public Action onException() {
        return onException == null ? Action.REQUEUE : onException;
    }

    /** {@return how many batches of the route may run at once; empty means bounded by flow control only} */
    public OptionalInt maxConcurrency() {
        return maxConcurrency == null ? OptionalInt.empty() : OptionalInt.of(maxConcurrency);
    }

    /** {@return the delivery count at which a message is rejected instead of requeued; empty means no limit} */
    public OptionalInt maxDeliveries() {
        return maxDeliveries == null ? OptionalInt.empty() : OptionalInt.of(maxDeliveries);
    }

    /**
     * {@return the effective options with their origins, for {@link Route#describe(Settings)}}
     *
     * @param settings the settings
     */
    public List<RouteOption> describe(Settings settings) {
        List<RouteOption> out = new ArrayList<>();
        out.add(option("bulkSize", bulkSize(), bulkSize));
        Origin flushOrigin = flushTimeout != null ? Origin.CODE : settings.origin(Settings.FLUSH_TIMEOUT);
        out.add(new RouteOption("flushTimeout", flushTimeout(settings).toString(), flushOrigin));
        out.add(option("onSuccess", onSuccess(), onSuccess));
        out.add(option("onException", onException(), onException));
        out.add(option("maxConcurrency", maxConcurrency == null ? "unbounded" : maxConcurrency, maxConcurrency));
        out.add(option("maxDeliveries", maxDeliveries == null ? "unlimited" : maxDeliveries, maxDeliveries));
        return out;
    }

    private static RouteOption option(String name, Object effective, Object setInCode) {
        return new RouteOption(name, String.valueOf(effective), setInCode == null ? Origin.DEFAULT : Origin.CODE);
    }

    @Override
    public String toString() {
        return "BatchOptions[bulkSize=" + bulkSize() + ", flushTimeout=" + flushTimeout
                + ", onSuccess=" + onSuccess() + ", onException=" + onException()
                + ", maxConcurrency=" + maxConcurrency + ", maxDeliveries=" + maxDeliveries + "]";
    }

    /**
     * Builds {@link BatchOptions}; each setter validates its argument at once and throws
     * {@link IllegalArgumentException} naming the option. Not thread-safe.
     */
    public static final class Builder {
        private Integer bulkSize;
        private Duration flushTimeout;
        private Action onSuccess;
        private Action onException;
        private Integer maxConcurrency;
        private Integer maxDeliveries;

        private Builder() {
        }

        /**
         * The largest batch, at least 1.
         *
         * @param size the largest batch, at least 1
         * @return this builder
         */
        public Builder bulkSize(int size) {
            this.bulkSize = positive("bulkSize", size);
            return this;
        }

        /**
         * How long a batch may wait for more messages after its first one arrived; positive.
         *
         * @param timeout how long a batch may wait for more messages after its first one arrived; positive
         * @return this builder
         */
        public Builder flushTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "flushTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("flushTimeout must be positive, got " + timeout);
            }
            this.flushTimeout = timeout;
            return this;
        }

        /**
         * The action when the handler returns; default {@link Action#ACK}.
         *
         * @param action the action when the handler returns; default {@link Action#ACK}
         * @return this builder
         */
        public Builder onSuccess(Action action) {
            this.onSuccess = Objects.requireNonNull(action, "onSuccess");
            return this;
        }

        /**
         * The action when the handler throws; default {@link Action#REQUEUE}.
         *
         * @param action the action when the handler throws; default {@link Action#REQUEUE}
         * @return this builder
         */
        public Builder onException(Action action) {
            this.onException = Objects.requireNonNull(action, "onException");
            return this;
        }

        /**
         * How many batches may run at once, at least 1; {@code 1} means strictly one at a time.
         *
         * @param max how many batches may run at once, at least 1; {@code 1} means strictly one at a time
         * @return this builder
         */
        public Builder maxConcurrency(int max) {
            this.maxConcurrency = positive("maxConcurrency", max);
            return this;
        }

        /**
         * Reject instead of requeue a message delivered this many times; at least 1.
         *
         * @param max the number of deliveries after which a failing message is rejected
         * @return this builder
         */
        public Builder maxDeliveries(int max) {
            this.maxDeliveries = positive("maxDeliveries", max);
            return this;
        }

        /**
         * Copies the options into an immutable value.
         *
         * @return this builder
         */
        public BatchOptions build() {
            return new BatchOptions(this);
        }

        private static int positive(String option, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
