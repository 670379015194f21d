package io.asyncworker.test;

import io.asyncworker.Message;
import java.util.Map;

/**
 * One message of an {@link InMemoryRoute}, as its handler receives it: the body as it was sent with
 * {@link InMemoryBroker#send(String, Object)}, its headers, and the decision API every message has.
 *
 * <pre>{@code
 * InMemoryRoute.consume("orders").handler(batch -> {
 *     for (InMemoryMessage m : batch) {
 *         if (m.deliveryCount() > 1) log.info("seen before: {}", m.bodyAsString());
 *         save(m.body(Order.class));
 *     }
 * });
 * }</pre>
 *
 * <p>Nothing reaches the broker while the handler runs: {@link #accept()} and {@link #reject(boolean)}
 * record a decision that is carried out once the batch is done. The accessors may be called from any
 * thread; instances are made by the backend only.
 */
public interface InMemoryMessage extends Message {

    /**
     * The body decoded into {@code type} with the broker's codec (JSON through Jackson by default;
     * {@code String} and {@code byte[]} pass through). The route's {@code bodyType} is decoded once
     * before the handler runs and returned from then on.
     *
     * @param <T>  the value type
     * @param type the type to decode into
     * @return the decoded value
     * @throws io.asyncworker.DecodeException when the body is not a valid {@code type}
     */
    <T> T body(Class<T> type);

    /** {@return the body as UTF-8 text} */
    String bodyAsString();

    /** {@return the raw body; shared, do not modify} */
    byte[] bodyBytes();

    /** {@return the headers it was sent with, unmodifiable; empty when none} */
    Map<String, Object> headers();

    /** {@return the queue it came from} */
    String queue();

    /** {@return how many times it has been delivered, this time included: 1 at first, growing with each redelivery} */
    long deliveryCount();

    /** {@return whether it was delivered before: requeued, or its channel died before it was settled} */
    boolean redelivered();
}
