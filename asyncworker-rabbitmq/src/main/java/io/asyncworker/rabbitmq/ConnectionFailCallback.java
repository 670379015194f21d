package io.asyncworker.rabbitmq;

import java.util.Objects;
import java.util.function.Consumer;

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
 * // with the broker node (useful with a cluster):
 * AmqpConnection.fromEnv().toBuilder()
 *         .connectionFailCallback(ConnectionFailCallback.of(f -> alerts.warn("lost " + f.node().orElse("?"), f.exception())))
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

    /**
     * Reports a failure with everything known about it, including the broker node. This is what
     * the backend calls; by default it calls {@link #onFailure(Exception, int)}.
     *
     * @param failure the connection, exception, attempt and node
     */
    default void onFailure(ConnectionFailure failure) {
        onFailure(failure.exception(), failure.attempt());
    }

    /**
     * A callback that takes the whole {@link ConnectionFailure}, e.g. to name the node.
     *
     * @param callback called with each failure
     * @return a callback that passes each failure to {@code callback}
     */
    static ConnectionFailCallback of(Consumer<ConnectionFailure> callback) {
        Objects.requireNonNull(callback, "callback");
        return new ConnectionFailCallback() {
            @Override
            public void onFailure(Exception exception, int attempt) {
                callback.accept(ConnectionFailure.of("unknown", exception, attempt, java.util.Optional.empty()));
            }

            @Override
            public void onFailure(ConnectionFailure failure) {
                callback.accept(failure);
            }
        };
    }
}
