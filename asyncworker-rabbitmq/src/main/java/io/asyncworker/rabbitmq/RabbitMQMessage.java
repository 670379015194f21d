package io.asyncworker.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.asyncworker.Message;
import java.util.Map;

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
 * array is shared, do not modify it. Instances are made by the framework only.
 */
public interface RabbitMQMessage extends Message {

    /**
     * The body decoded into {@code type} (JSON via the connection's codec; {@code String} and
     * {@code byte[]} pass through). The route's {@code bodyType} is decoded once before the
     * handler runs and cached.
     *
     * @param <T> the body type
     * @param type the class to decode into
     * @return the decoded body
     * @throws io.asyncworker.DecodeException when the body is not a valid {@code type}
     */
    <T> T body(Class<T> type);

    /** {@return the body as UTF-8 text} */
    String bodyAsString();

    /** {@return the raw body; shared, do not modify} */
    byte[] bodyBytes();

    /** {@return the message headers, unmodifiable; AMQP long strings are turned into {@code String}s} */
    Map<String, Object> headers();

    /** {@return the routing key it was published with} */
    String routingKey();

    /** {@return the exchange it was published to; {@code ""} for the default exchange} */
    String exchange();

    /** {@return whether the broker delivered it before (to this or another consumer)} */
    boolean redelivered();

    /**
     * How many times it has been delivered, this time included: from {@code x-delivery-count} on
     * quorum queues; on classic queues 1 unless redelivered, then counted by this worker
     * process (at least 2).
     *
     * @return the delivery count, at least 1
     */
    long deliveryCount();

    /**
     * Which attempt this is, from 1: on a route with a {@link io.asyncworker.RetryPolicy}, a message
     * that comes back from a delay queue carries its attempt in the {@link RetryHeaders#ATTEMPT}
     * header, counted exactly across restarts and workers (unlike {@link #deliveryCount()}).
     *
     * @return the attempt, at least 1
     */
    int attempt();

    /** {@return the AMQP properties (content type, message id, headers, …)} */
    AMQP.BasicProperties properties();

    /** {@return the queue it came from} */
    String queue();

    /** {@return the broker's delivery tag on its channel} */
    long deliveryTag();
}
