package io.asyncworker;

import io.asyncworker.spi.Checks;
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
 * delivery limit, no retry policy.
 */
public final class BatchOptions {
    /** Default bulk size. */
    public static final int DEFAULT_BULK_SIZE = 1;

    private final Integer bulkSize;
    private final Duration flushTimeout;
    private final Action onSuccess;
    private final Action onException;
    private final Integer maxConcurrency;
    private final Integer defaultMaxConcurrency;
    private final Integer maxDeliveries;
    private final Class<?> bodyType;
    private final RetryPolicy retry;

    private BatchOptions(Builder b) {
        this.bulkSize = b.bulkSize;
        this.flushTimeout = b.flushTimeout;
        this.onSuccess = b.onSuccess;
        this.onException = b.onException;
        this.maxConcurrency = b.maxConcurrency;
        this.defaultMaxConcurrency = b.defaultMaxConcurrency;
        this.maxDeliveries = b.maxDeliveries;
        this.bodyType = b.bodyType;
        this.retry = b.retry;
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
     * The effective flush timeout under the given settings.
     *
     * @param settings the settings whose {@code flushTimeout()} applies when none was set in code
     * @return the timeout set in code, else the settings' one
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
        Integer max = maxConcurrency != null ? maxConcurrency : defaultMaxConcurrency;
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** {@return the delivery count from which a message is rejected instead of requeued; empty means no limit} */
    public OptionalInt maxDeliveries() {
        return maxDeliveries == null ? OptionalInt.empty() : OptionalInt.of(maxDeliveries);
    }

    /**
     * The type every body is decoded into before the handler runs, if declared: a body that does not
     * decode (a JSON {@code null} included) is rejected, logged and counted, and never handled.
     *
     * @return the declared body type, or empty when bodies are decoded only when the handler asks
     */
    public Optional<Class<?>> bodyType() {
        return Optional.ofNullable(bodyType);
    }

    /**
     * {@return how failed messages are retried and parked, if the route has a policy} Without one,
     * the messages of a failed batch get {@link #onException()}.
     */
    public Optional<RetryPolicy> retry() {
        return Optional.ofNullable(retry);
    }

    /**
     * The effective options with their origins, for {@link Route#describe(Settings)}.
     *
     * @param settings the settings that supply the defaults not set in code
     * @return one entry per option, with its value and where it came from
     */
    public List<RouteOption> describe(Settings settings) {
        List<RouteOption> out = new ArrayList<>();
        out.add(option("bulkSize", bulkSize(), bulkSize));
        String flush = flushTimeout(settings).toString();
        out.add(flushTimeout != null ? new RouteOption("flushTimeout", flush, Origin.CODE)
                : RouteOption.fromSettings("flushTimeout", flush, settings, Settings.FLUSH_TIMEOUT));
        out.add(option("onSuccess", onSuccess(), onSuccess));
        out.add(option("onException", retry != null ? "none (retry decides)" : onException(), onException));
        out.add(option("maxConcurrency", maxConcurrency().isEmpty() ? "unbounded" : maxConcurrency().getAsInt(), maxConcurrency));
        out.add(option("maxDeliveries", maxDeliveries == null ? "unlimited" : maxDeliveries, maxDeliveries));
        out.add(option("bodyType", bodyType == null ? "none" : bodyType.getName(), bodyType));
        out.add(option("retry", retry == null ? "none (failed messages get onException)" : retry, retry));
        return out;
    }

    private static RouteOption option(String name, Object effective, Object setInCode) {
        return new RouteOption(name, String.valueOf(effective), setInCode == null ? Origin.DEFAULT : Origin.CODE);
    }

    @Override
    public String toString() {
        return "BatchOptions[bulkSize=" + bulkSize() + ", flushTimeout=" + flushTimeout
                + ", onSuccess=" + onSuccess() + ", onException=" + onException()
                + ", maxConcurrency=" + maxConcurrency() + ", maxDeliveries=" + maxDeliveries
                + (bodyType == null ? "" : ", bodyType=" + bodyType.getSimpleName())
                + (retry == null ? "" : ", retry=" + retry) + "]";
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
        private Integer defaultMaxConcurrency;
        private Integer maxDeliveries;
        private Class<?> bodyType;
        private RetryPolicy retry;

        private Builder() {
        }

        /**
         * The largest batch, at least 1.
         *
         * @param size the most messages per batch
         * @return this builder
         * @throws IllegalArgumentException naming {@code bulkSize} when it is below 1
         */
        public Builder bulkSize(int size) {
            this.bulkSize = Checks.atLeast("bulkSize", size, 1);
            return this;
        }

        /**
         * How long a batch may wait for more messages after its first one arrived; positive.
         *
         * @param timeout the longest wait for a batch to fill
         * @return this builder
         * @throws IllegalArgumentException naming {@code flushTimeout} when it is not positive
         */
        public Builder flushTimeout(Duration timeout) {
            this.flushTimeout = Checks.positive("flushTimeout", timeout);
            return this;
        }

        /**
         * The action when the handler returns; default {@link Action#ACK}.
         *
         * @param action the action for the messages the handler left undecided
         * @return this builder
         */
        public Builder onSuccess(Action action) {
            this.onSuccess = Objects.requireNonNull(action, "onSuccess");
            return this;
        }

        /**
         * The action when the handler throws; default {@link Action#REQUEUE}.
         *
         * @param action the action for the messages the handler left undecided
         * @return this builder
         * @throws IllegalArgumentException when a retry policy is set: it decides failed messages
         */
        public Builder onException(Action action) {
            Objects.requireNonNull(action, "onException");
            if (retry != null) {
                throw new IllegalArgumentException(EXCLUSIVE);
            }
            this.onException = action;
            return this;
        }

        /**
         * How many batches may run at once, at least 1; {@code 1} means strictly one at a time.
         *
         * @param max the most batches in flight
         * @return this builder
         * @throws IllegalArgumentException naming {@code maxConcurrency} when it is below 1
         */
        public Builder maxConcurrency(int max) {
            this.maxConcurrency = Checks.atLeast("maxConcurrency", max, 1);
            return this;
        }

        /**
         * The backend's own default for {@link #maxConcurrency(int)}, e.g. 1 for an ordered stream;
         * shown with the origin {@code DEFAULT}. At least 1.
         *
         * @param max the backend's default limit of batches in flight
         * @return this builder
         * @throws IllegalArgumentException naming {@code maxConcurrency} when it is below 1
         */
        public Builder defaultMaxConcurrency(int max) {
            this.defaultMaxConcurrency = Checks.atLeast("maxConcurrency", max, 1);
            return this;
        }

        /**
         * Reject instead of requeue a message delivered this many times; at least 1.
         *
         * @param max the delivery count from which a failed message is rejected
         * @return this builder
         * @throws IllegalArgumentException naming {@code maxDeliveries} when it is below 1
         */
        public Builder maxDeliveries(int max) {
            this.maxDeliveries = Checks.atLeast("maxDeliveries", max, 1);
            return this;
        }

        /**
         * Decodes every body into this type before the handler runs (see {@link BatchOptions#bodyType()}).
         *
         * @param type the class every body is decoded into
         * @return this builder
         */
        public Builder bodyType(Class<?> type) {
            this.bodyType = Objects.requireNonNull(type, "bodyType");
            return this;
        }

        /**
         * Retries the messages of a failed batch by this policy, then parks them (see
         * {@link RetryPolicy}); instead of {@code onException}.
         *
         * @param policy the policy
         * @return this builder
         * @throws IllegalArgumentException when {@code onException} is set
         */
        public Builder retry(RetryPolicy policy) {
            Objects.requireNonNull(policy, "retry");
            if (onException != null) {
                throw new IllegalArgumentException(EXCLUSIVE);
            }
            this.retry = policy;
            return this;
        }

        private static final String EXCLUSIVE = "retry and onException exclude each other: with a retry policy the "
                + "undecided messages of a failed batch are retried, then parked; leave onException out";

        /**
         * Copies the options into an immutable value.
         *
         * @return the options
         */
        public BatchOptions build() {
            return new BatchOptions(this);
        }
    }
}
