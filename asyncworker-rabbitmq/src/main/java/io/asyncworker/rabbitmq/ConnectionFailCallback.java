package io.asyncworker.rabbitmq;

/**
 * Told about every failure of an {@link AmqpConnection}'s consuming connection: the loss itself
 * and each reconnect attempt that failed.
 *
 * <p>Called on a framework thread (never an amqp-client I/O thread), one call at a time per
 * connection. It must return quickly; an exception it throws is logged and ignored.
 *
 * <pre>{@code
 * AmqpConnection.fromEnv().toBuilder()
 *         .connectionFailCallback((e, attempt) -> alerts.warn("broker lost, attempt " + attempt, e))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionFailCallback {

    /**
     * Reports a failure.
     *
     * @param exception what went wrong
     * @param attempt   1 for the loss (or the first failed attempt), then 2, 3, … until a reconnect succeeds
     */
    void onFailure(Exception exception, int attempt);
}
