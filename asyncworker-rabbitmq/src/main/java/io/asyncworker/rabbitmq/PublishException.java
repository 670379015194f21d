package io.asyncworker.rabbitmq;

import java.util.Objects;

/**
 * A publish that failed, and how: see {@link #failure()}. Each publish reports only its own
 * failure: a publish that breaks its channel (e.g. to an exchange that does not exist) never fails
 * another one.
 *
 * <p>The message names the exchange and routing key, e.g.
 * {@code publish to exchange '' with routing key 'orders' failed: no queue named 'orders' ...}.
 * An immutable value.
 */
public final class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The exchange published to. */
    private final String exchange;
    /** The routing key published with. */
    private final String routingKey;
    /** What became of the message. */
    private final Failure failure;

    /** What became of a publish that failed. */
    public enum Failure {
        /** The exchange does not exist: not published. */
        EXCHANGE_NOT_FOUND,
        /** Mandatory and no queue took it (returned by the broker): not published. */
        UNROUTABLE,
        /** The broker refused it (a nack, or a channel error this publish caused): not published. */
        REFUSED,
        /** It could not be sent (no connection, headers too large for a frame): not published. */
        NOT_SENT,
        /**
         * Sent, but no confirm came (timeout, connection lost, publisher closed): it may or may not
         * have been published; publish again if a duplicate does no harm.
         */
        UNCONFIRMED
    }

    /**
     * An exception naming the exchange, the routing key and the reason.
     *
     * @param exchange   the exchange published to ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param failure    what became of the message
     * @param reason     what went wrong, in the user's terms
     * @param cause      the underlying failure, may be {@code null}
     */
    public PublishException(String exchange, String routingKey, Failure failure, String reason, Throwable cause) {
        super("publish to exchange '" + exchange + "' with routing key '" + routingKey + "' failed: " + reason, cause);
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * A failure whose outcome is unknown ({@link Failure#UNCONFIRMED}).
     *
     * @param cause the underlying failure, may be {@code null}
     * @param exchange the exchange published to ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param reason what went wrong, in the user's terms
     */
    public PublishException(String exchange, String routingKey, String reason, Throwable cause) {
        this(exchange, routingKey, Failure.UNCONFIRMED, reason, cause);
    }

    /** {@return the exchange published to} */
    public String exchange() {
        return exchange;
    }

    /** {@return the routing key published with} */
    public String routingKey() {
        return routingKey;
    }

    /** {@return what became of the message} */
    public Failure failure() {
        return failure;
    }

    /** {@return whether the message may have reached the broker anyway ({@link Failure#UNCONFIRMED})} */
    public boolean mayHaveBeenPublished() {
        return failure == Failure.UNCONFIRMED;
    }
}
