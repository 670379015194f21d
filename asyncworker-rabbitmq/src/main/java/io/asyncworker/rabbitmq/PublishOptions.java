package io.asyncworker.rabbitmq;

import com.rabbitmq.client.AMQP;
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
 * <p>Defaults: persistent (delivery mode 2), not mandatory, content type from the codec for
 * objects, {@code text/plain} for strings, none for bytes. An immutable value; the builder is
 * not thread-safe.
 */
public final class PublishOptions {
    private static final PublishOptions DEFAULTS = builder().build();
    private final Map<String, Object> headers;
    private final boolean persistent;
    private final boolean mandatory;
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

    /** {@return the defaults: persistent, not mandatory, no headers} */
    public static PublishOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether an unroutable message is an error instead of being dropped silently} */
    public boolean mandatory() {
        return mandatory;
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
     * {@return the AMQP properties for a body whose codec proposes {@code defaultContentType}}
     *
     * @param defaultContentType used when no content type was set; may be empty
     */
    public AMQP.BasicProperties toProperties(Optional<String> defaultContentType) {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(persistent ? 2 : 1)
                .contentType(contentType != null ? contentType : defaultContentType.orElse(null))
                .headers(headers.isEmpty() ? null : new LinkedHashMap<>(headers))
                .messageId(messageId).correlationId(correlationId).replyTo(replyTo)
                .expiration(expiration).type(type).priority(priority)
                .build();
    }

    /** Builds {@link PublishOptions}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private boolean persistent = true;
        private boolean mandatory;
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
         * Adds a header (String, number, boolean, byte[], List, Map, Date).
         *
         * @param name the header name, in any case
         * @param value the header's value
         * @return this builder
         */
        public Builder header(String name, Object value) {
            headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
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
         * Report an unroutable message as a {@link PublishException} (needs publisher confirms).
         *
         * @param mandatory whether an unroutable message is an error
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
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /**
         * The message id; classic queues also use it to count redeliveries.
         *
         * @param messageId the message id; classic queues also use it to count redeliveries
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /**
         * The correlation id.
         *
         * @param correlationId the correlation id
         * @return this builder
         */
        public Builder correlationId(String correlationId) {
            this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
            return this;
        }

        /**
         * The reply-to queue.
         *
         * @param replyTo the reply-to queue
         * @return this builder
         */
        public Builder replyTo(String replyTo) {
            this.replyTo = Objects.requireNonNull(replyTo, "replyTo");
            return this;
        }

        /**
         * Per-message TTL in milliseconds, at least 0.
         *
         * @param millis the time to live in milliseconds
         * @return this builder
         */
        public Builder expirationMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("expiration must be at least 0 ms, got " + millis);
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
            this.type = Objects.requireNonNull(type, "type");
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
