package io.asyncworker.rabbitmq;

import java.util.Objects;

/**
 * A message the broker did not take: unroutable with {@code mandatory}, negatively confirmed,
 * not confirmed in time, or the publishing channel failed.
 *
 * <p>The message names the exchange and routing key.
 */
public final class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The exchange published to. */
    private final String exchange;
    /** The routing key published with. */
    private final String routingKey;

    /**
     * An exception naming the exchange, the routing key and the reason.
     *
     * @param exchange   the exchange published to ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param reason     what went wrong
     * @param cause      the underlying failure, may be {@code null}
     */
    public PublishException(String exchange, String routingKey, String reason, Throwable cause) {
        super("publish to exchange '" + exchange + "' with routing key '" + routingKey + "' failed: " + reason, cause);
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
    }

    /** {@return the exchange published to} */
    public String exchange() {
        return exchange;
    }

    /** {@return the routing key published with} */
    public String routingKey() {
        return routingKey;
    }
}
