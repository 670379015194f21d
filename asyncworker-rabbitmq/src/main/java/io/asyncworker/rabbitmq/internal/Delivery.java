package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;
import io.asyncworker.spi.Inbound;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A delivered message as the pipeline sees it, with what the backend needs to settle it: its
 * channel session and consumer. Immutable apart from its session's liveness.
 */
final class Delivery implements Inbound {
    private final String queue;
    private final Envelope envelope;
    private final AMQP.BasicProperties properties;
    private final byte[] body;
    private final long deliveryCount;
    private final ChannelSession session;
    private final QueueConsumer consumer;
    private final String counterKey;

    private Delivery(String queue, Envelope envelope, AMQP.BasicProperties props, byte[] body, long count,
                     ChannelSession session, QueueConsumer consumer, String counterKey) {
        this.queue = queue;
        this.envelope = envelope;
        this.properties = props;
        this.body = body;
        this.deliveryCount = count;
        this.session = session;
        this.consumer = consumer;
        this.counterKey = counterKey;
    }

    /** Builds a delivery and counts it (see {@link DeliveryCounter}). */
    static Delivery of(QueueConsumer consumer, ChannelSession session, Envelope envelope, AMQP.BasicProperties props,
                       byte[] body, DeliveryCounter counter) {
        Number x = xDeliveryCount(props);
        String key = x == null && envelope.isRedeliver() ? key(consumer.queue(), envelope, props, body) : null;
        long count = counter.delivered(x, envelope.isRedeliver(), key);
        return new Delivery(consumer.queue(), envelope, props, body, count, session, consumer, key);
    }

    ChannelSession session() {
        return session;
    }

    /** Whether its channel is still the consumer's live one, so that it can still be settled. */
    @Override
    public boolean isCurrent() {
        return session.isValid() && session.generation() == consumer.generation();
    }

    @Override
    public byte[] payload() {
        return body;
    }

    @Override
    public Map<String, Object> headers() {
        Map<String, Object> raw = properties.getHeaders();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, v instanceof LongString ls ? ls.toString() : v));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public long deliveryCount() {
        return deliveryCount;
    }

    /** From the {@code x-asyncworker-attempt} header of a retried message, else 1. */
    @Override
    public int attempt() {
        return FailureHeaders.attempt(properties.getHeaders());
    }

    @Override
    public String source() {
        return queue;
    }

    @Override
    public Optional<String> id() {
        String id = properties.getMessageId();
        return Optional.of(id != null ? "id " + id : "tag " + envelope.getDeliveryTag());
    }

    Envelope envelope() {
        return envelope;
    }

    AMQP.BasicProperties properties() {
        return properties;
    }

    long deliveryTag() {
        return envelope.getDeliveryTag();
    }

    QueueConsumer consumer() {
        return consumer;
    }

    /** The classic-queue redelivery key, or {@code null} when this message is not remembered. */
    String counterKey() {
        return counterKey;
    }

    private static Number xDeliveryCount(AMQP.BasicProperties props) {
        Map<String, Object> headers = props.getHeaders();
        return headers != null && headers.get("x-delivery-count") instanceof Number n ? n : null;
    }

    static String key(String queue, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        if (props.getMessageId() != null) {
            return queue + "|id|" + props.getMessageId();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(queue.getBytes(StandardCharsets.UTF_8));
            sha.update(envelope.getRoutingKey().getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(4).putInt(body.length).array());
            sha.update(body);
            return queue + "|sha|" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    @Override
    public String toString() {
        return "RabbitMQMessage[queue=" + queue + ", tag=" + envelope.getDeliveryTag() + ", routingKey="
                + envelope.getRoutingKey() + ", " + body.length + " bytes]";
    }
}
