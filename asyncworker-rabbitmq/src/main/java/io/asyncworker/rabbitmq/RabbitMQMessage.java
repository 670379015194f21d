package io.asyncworker.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;
import io.asyncworker.BodyCodec;
import io.asyncworker.spi.AbstractMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message delivered from a RabbitMQ queue to a batch handler.
 *
 * <pre>{@code
 * for (RabbitMQMessage m : batch) {
 *     Item item = m.body(Item.class);                 // JSON via Jackson
 *     if (m.deliveryCount() > 3) m.reject(false);     // dead-letter it
 * }
 * }</pre>
 *
 * <p>Nothing is sent to the broker while the handler runs: {@link #accept()} and
 * {@link #reject(boolean)} record a decision that is carried out once the whole batch is done
 * (see {@link io.asyncworker.Message}). The accessors are safe to call from any thread; the body
 * array is shared, do not modify it.
 *
 * <p>Instances are created by the framework only; the constructor is public to the backend.
 */
public abstract class RabbitMQMessage extends AbstractMessage {
    private final String queue;
    private final Envelope envelope;
    private final AMQP.BasicProperties properties;
    private final byte[] body;
    private final BodyCodec codec;
    private final long deliveryCount;
    private volatile Object decoded;

    /**
     * For the backend.
     *
     * @param queue the queue or stream
     * @param envelope the delivery's envelope
     * @param properties the message properties
     * @param body the raw body
     * @param codec the codec
     * @param deliveryCount how many times this message has been delivered, this time included
     */
    protected RabbitMQMessage(String queue, Envelope envelope, AMQP.BasicProperties properties, byte[] body,
                              BodyCodec codec, long deliveryCount) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.body = Objects.requireNonNull(body, "body");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.deliveryCount = deliveryCount;
    }

    /**
     * {@return the body decoded into {@code type} (JSON via the connection's codec; {@code String} and
     * {@code byte[]} pass through)} The route's {@code bodyType} is decoded once before the
     * handler runs and cached.
     *
     * @param <T> the value type
     * @param type the type to decode into
     * @throws io.asyncworker.DecodeException when the body is not a valid {@code type}
     */
    public final <T> T body(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Object cached = decoded;
        if (type.isInstance(cached)) {
            return type.cast(cached);
        }
        T value = codec.decode(body, type);
        decoded = value;
        return value;
    }

    /** {@return the body as UTF-8 text} */
    public final String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@return the raw body; shared, do not modify} */
    public final byte[] bodyBytes() {
        return body;
    }

    /** {@return the message headers, unmodifiable; AMQP long strings are turned into {@code String}s} */
    public final Map<String, Object> headers() {
        Map<String, Object> raw = properties.getHeaders();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, v instanceof LongString ls ? ls.toString() : v));
        return Collections.unmodifiableMap(out);
    }

    /** {@return the routing key it was published with} */
    public final String routingKey() {
        return envelope.getRoutingKey();
    }

    /** {@return the exchange it was published to; {@code ""} for the default exchange} */
    public final String exchange() {
        return envelope.getExchange();
    }

    /** {@return whether the broker delivered it before (to this or another consumer)} */
    public final boolean redelivered() {
        return envelope.isRedeliver();
    }

    /**
     * {@return how many times it has been delivered, this time included: from {@code x-delivery-count} on
     * quorum queues; on classic queues 1 unless redelivered, then counted by this worker
     * process (at least 2)}
     */
    public final long deliveryCount() {
        return deliveryCount;
    }

    /** {@return the AMQP properties (content type, message id, headers, …)} */
    public final AMQP.BasicProperties properties() {
        return properties;
    }

    /** {@return the queue it came from} */
    public final String queue() {
        return queue;
    }

    /** {@return the broker's delivery tag on its channel} */
    public final long deliveryTag() {
        return envelope.getDeliveryTag();
    }

    @Override
    public String toString() {
        return "RabbitMQMessage[queue=" + queue + ", tag=" + envelope.getDeliveryTag() + ", routingKey="
                + envelope.getRoutingKey() + ", " + body.length + " bytes]";
    }
}
