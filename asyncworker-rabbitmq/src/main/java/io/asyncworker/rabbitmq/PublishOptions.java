package io.asyncworker.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.asyncworker.rabbitmq.internal.HeaderValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Headers and properties of a published message, plus {@code mandatory}.
 *
 * <pre>{@code
 * connection.publish("orders", "created", order, PublishOptions.builder()
 *         .header("tenant", "acme").messageId(order.id()).mandatory(true).build());
 * }</pre>
 *
 * <p>Defaults: persistent (delivery mode 2); mandatory on the default exchange {@code ""} only
 * (see {@link Builder#mandatory(boolean)}); content type from the codec for objects,
 * {@code text/plain} for strings, none for bytes. The message carries exactly the headers set
 * here, nothing added. The builder checks what AMQP can carry at once ({@link
 * IllegalArgumentException} naming the option): header value types, short strings of at most 255
 * UTF-8 bytes, RabbitMQ's limits. An immutable value; the builder is not thread-safe.
 */
public final class PublishOptions {
    private static final PublishOptions DEFAULTS = builder().build();
    /** RabbitMQ closes the channel for a per-message TTL above 10 years. */
    private static final long MAX_EXPIRATION_MILLIS = 315_360_000_000L;
    private final Map<String, Object> headers;
    private final boolean persistent;
    private final Boolean mandatory;
    private final String contentType;
    private final String messageId;
    private final String correlationId;
    private final String replyTo;
    private final String expiration;
    private final String type;
    private final Integer priority;

    private PublishOptions(Builder b) {
        this.headers = Map.copyOf(b.headers);
        this.persistent = b.persistent;
        this.mandatory = b.mandatory;
        this.contentType = b.contentType;
        this.messageId = b.messageId;
        this.correlationId = b.correlationId;
        this.replyTo = b.replyTo;
        this.expiration = b.expiration;
        this.type = b.type;
        this.priority = b.priority;
    }

    /** {@return the defaults: persistent, mandatory on the default exchange only, no headers} */
    public static PublishOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the {@code mandatory} flag set explicitly; empty for the default, which depends on the exchange} */
    public Optional<Boolean> mandatory() {
        return Optional.ofNullable(mandatory);
    }

    /**
     * Whether a message to this exchange is mandatory: as set, else only on the default exchange
     * {@code ""}, whose routing key names a queue.
     *
     * @param exchange the exchange published to
     * @return whether the message is mandatory
     */
    public boolean mandatoryFor(String exchange) {
        return mandatory != null ? mandatory : exchange.isEmpty();
    }

    /** {@return whether the message is persistent (delivery mode 2)} */
    public boolean persistent() {
        return persistent;
    }

    /** {@return the content type set explicitly, if any} */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** {@return the headers, unmodifiable} */
    public Map<String, Object> headers() {
        return headers;
    }

    /**
     * {@return the AMQP properties these options set: delivery mode, content type (when set),
     * headers, ids, expiration, type and priority} The publisher fills in the body's content type
     * when none was set.
     */
    public AMQP.BasicProperties properties() {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(persistent ? 2 : 1)
                .contentType(contentType)
                .headers(headers.isEmpty() ? null : new LinkedHashMap<>(headers))
                .messageId(messageId).correlationId(correlationId).replyTo(replyTo)
                .expiration(expiration).type(type).priority(priority)
                .build();
    }

    /** Builds {@link PublishOptions}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private boolean persistent = true;
        private Boolean mandatory;
        private String contentType;
        private String messageId;
        private String correlationId;
        private String replyTo;
        private String expiration;
        private String type;
        private Integer priority;

        private Builder() {
        }

        /**
         * Adds a header: String, Integer, Long, Short, Byte, Double, Float, Boolean, BigDecimal
         * (unscaled value within 32 bits, scale 0..255), Date, byte[], or a List or Map of these
         * (values are copied). {@code CC} and {@code BCC} must be Lists of routing keys.
         *
         * @param name the header's name
         * @param value the header's value
         * @return this builder
         * @throws IllegalArgumentException naming the header when AMQP cannot carry it, or when
         *                                  its name is longer than 255 UTF-8 bytes
         */
        public Builder header(String name, Object value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            headers.put(name, HeaderValues.checkedCopy(name, value));
            return this;
        }

        /**
         * Adds every header of the map.
         *
         * @param values the variables and their values
         * @return this builder
         */
        public Builder headers(Map<String, ?> values) {
            Objects.requireNonNull(values, "headers").forEach(this::header);
            return this;
        }

        /**
         * Persistent (default) or transient.
         *
         * @param persistent {@code true} for persistent (delivery mode 2)
         * @return this builder
         */
        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
            return this;
        }

        /**
         * Whether a message no queue takes is a {@link PublishException} ({@code true}) or dropped
         * silently ({@code false}). Default: mandatory on the default exchange {@code ""} (its
         * routing key names a queue, so a missing queue is an error, never a silent drop), not
         * mandatory on other exchanges (an event nobody subscribed to may be normal there). The
         * error needs publisher confirms; with confirms off a returned message is only logged.
         *
         * @param mandatory {@code true} to make an unroutable message an error
         * @return this builder
         */
        public Builder mandatory(boolean mandatory) {
            this.mandatory = mandatory;
            return this;
        }

        /**
         * The content type, overriding the codec's.
         *
         * @param contentType the content type, overriding the codec's
         * @return this builder
         */
        public Builder contentType(String contentType) {
            Objects.requireNonNull(contentType, "contentType");
            this.contentType = HeaderValues.shortString("contentType", contentType);
            return this;
        }

        /**
         * The message id; classic queues also use it to count redeliveries.
         *
         * @param messageId the message id; classic queues also use it to count redeliveries
         * @return this builder
         */
        public Builder messageId(String messageId) {
            Objects.requireNonNull(messageId, "messageId");
            this.messageId = HeaderValues.shortString("messageId", messageId);
            return this;
        }

        /**
         * The correlation id.
         *
         * @param correlationId the correlation id
         * @return this builder
         */
        public Builder correlationId(String correlationId) {
            Objects.requireNonNull(correlationId, "correlationId");
            this.correlationId = HeaderValues.shortString("correlationId", correlationId);
            return this;
        }

        /**
         * The reply-to queue.
         *
         * @param replyTo the reply-to queue
         * @return this builder
         */
        public Builder replyTo(String replyTo) {
            Objects.requireNonNull(replyTo, "replyTo");
            this.replyTo = HeaderValues.shortString("replyTo", replyTo);
            return this;
        }

        /**
         * Per-message TTL in milliseconds, 0 to 315,360,000,000 (10 years, RabbitMQ's limit).
         *
         * @param millis the time to live
         * @return this builder
         * @throws IllegalArgumentException when the time is out of range
         */
        public Builder expirationMillis(long millis) {
            if (millis < 0 || millis > MAX_EXPIRATION_MILLIS) {
                throw new IllegalArgumentException("expiration must be within 0.." + MAX_EXPIRATION_MILLIS
                        + " ms (10 years, RabbitMQ's limit), got " + millis);
            }
            this.expiration = Long.toString(millis);
            return this;
        }

        /**
         * The message type property.
         *
         * @param type the message type property
         * @return this builder
         */
        public Builder type(String type) {
            Objects.requireNonNull(type, "type");
            this.type = HeaderValues.shortString("type", type);
            return this;
        }

        /**
         * The priority, 0 to 255.
         *
         * @param priority the priority, 0 to 255
         * @return this builder
         */
        public Builder priority(int priority) {
            if (priority < 0 || priority > 255) {
                throw new IllegalArgumentException("priority must be within 0..255, got " + priority);
            }
            this.priority = priority;
            return this;
        }

        /**
         * Copies the options into an immutable value.
         *
         * @return this builder
         */
        public PublishOptions build() {
            return new PublishOptions(this);
        }
    }
}
