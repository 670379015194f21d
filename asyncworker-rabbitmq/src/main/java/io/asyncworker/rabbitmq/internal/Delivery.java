package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import io.asyncworker.BodyCodec;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** A delivered message with what the backend needs to settle it: its channel session and consumer. */
final class Delivery extends RabbitMQMessage {
    private final ChannelSession session;
    private final QueueConsumer consumer;
    private final String counterKey;
    private volatile boolean handed;

    private Delivery(String queue, Envelope envelope, AMQP.BasicProperties props, byte[] body, BodyCodec codec,
                     long count, ChannelSession session, QueueConsumer consumer, String counterKey) {
        super(queue, envelope, props, body, codec, count);
        this.session = session;
        this.consumer = consumer;
        this.counterKey = counterKey;
    }

    /** Builds a delivery and counts it (see {@link DeliveryCounter}). */
    static Delivery of(QueueConsumer consumer, ChannelSession session, Envelope envelope, AMQP.BasicProperties props,
                       byte[] body, BodyCodec codec, DeliveryCounter counter) {
        Number x = xDeliveryCount(props);
        String key = x == null && envelope.isRedeliver() ? key(consumer.queue(), envelope, props, body) : null;
        long count = counter.delivered(x, envelope.isRedeliver(), key);
        return new Delivery(consumer.queue(), envelope, props, body, codec, count, session, consumer, key);
    }

    ChannelSession session() {
        return session;
    }

    /** Marks it as shown to the route's handler. */
    void handed() {
        handed = true;
    }

    /** Whether the route's handler was ever given it; only then may {@code maxDeliveries} reject it. */
    boolean wasHanded() {
        return handed;
    }

    /** Whether its channel is still the consumer's live one, so that it can still be settled. */
    boolean isLive() {
        return session.isValid() && session.generation() == consumer.generation();
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
            sha.update(queue.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(envelope.getRoutingKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(4).putInt(body.length).array());
            sha.update(body);
            return queue + "|sha|" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
