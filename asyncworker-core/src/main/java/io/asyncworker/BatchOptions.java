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

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options with every default. */
    public static BatchOptions defaults() {
        return builder().build();
    }

    /** The largest batch a handler receives. */
    public int bulkSize() {
        return bulkSize == null ? DEFAULT_BULK_SIZE : bulkSize;
    }

    /** The flush timeout set in code; empty means the settings' {@code flushTimeout()}. */
    public Optional<Duration> flushTimeout() {
        return Optional.ofNullable(flushTimeout);
    }

    /** The effective flush timeout under the given settings. */
    public Duration flushTimeout(Settings settings) {
        return flushTimeout != null ? flushTimeout : settings.flushTimeout();
    }

    /** The action for messages without an explicit decision when the handler returns. */
    public Action onSuccess() {
        return onSuccess == null ? Action.ACK : onSuccess;
    }

    /** The action for messages without an explicit decision when the handler throws. */
    public Action onException() {
        return onException == null ? Action.REQUEUE : onException;
    }

    /** How many batches of the route may run at once; empty means bounded by flow control only. */
    public OptionalInt maxConcurrency() {
        Integer max = maxConcurrency != null ? maxConcurrency : defaultMaxConcurrency;
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** A message delivered this many times is rejected instead of requeued; empty means no limit. */
    public OptionalInt maxDeliveries() {
        return maxDeliveries == null ? OptionalInt.empty() : OptionalInt.of(maxDeliveries);
    }

    /**
     * The type every body is decoded into before the handler runs, if declared: a body that does not
     * decode (a JSON {@code null} included) is rejected, logged and counted, and never handled.
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

    /** The effective options with their origins, for {@link Route#describe(Settings)}. */
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

        /** The largest batch, at least 1. */
        public Builder bulkSize(int size) {
            this.bulkSize = Checks.atLeast("bulkSize", size, 1);
            return this;
        }

        /** How long a batch may wait for more messages after its first one arrived; positive. */
        public Builder flushTimeout(Duration timeout) {
            this.flushTimeout = Checks.positive("flushTimeout", timeout);
            return this;
        }

        /** The action when the handler returns; default {@link Action#ACK}. */
        public Builder onSuccess(Action action) {
            this.onSuccess = Objects.requireNonNull(action, "onSuccess");
            return this;
        }

        /**
         * The action when the handler throws; default {@link Action#REQUEUE}.
         *
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

        /** How many batches may run at once, at least 1; {@code 1} means strictly one at a time. */
        public Builder maxConcurrency(int max) {
            this.maxConcurrency = Checks.atLeast("maxConcurrency", max, 1);
            return this;
        }

        /**
         * The backend's own default for {@link #maxConcurrency(int)}, e.g. 1 for an ordered stream;
         * shown with the origin {@code DEFAULT}. At least 1.
         */
        public Builder defaultMaxConcurrency(int max) {
            this.defaultMaxConcurrency = Checks.atLeast("maxConcurrency", max, 1);
            return this;
        }

        /** Reject instead of requeue a message delivered this many times; at least 1. */
        public Builder maxDeliveries(int max) {
            this.maxDeliveries = Checks.atLeast("maxDeliveries", max, 1);
            return this;
        }

        /** Decodes every body into this type before the handler runs (see {@link BatchOptions#bodyType()}). */
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

        /** Copies the options into an immutable value. */
        public BatchOptions build() {
            return new BatchOptions(this);
        }
    }
}
