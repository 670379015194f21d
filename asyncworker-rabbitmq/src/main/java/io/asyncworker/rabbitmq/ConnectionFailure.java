package io.asyncworker.rabbitmq;

import io.asyncworker.spi.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * One failure of an {@link AmqpConnection}'s consuming connection, as told to a
 * {@link ConnectionFailCallback}: the loss of the connection, or a reconnect attempt that failed.
 *
 * <p>An immutable value; thread-safe.
 */
public final class ConnectionFailure {
    private final String connection;
    private final Exception exception;
    private final int attempt;
    private final String node;

    private ConnectionFailure(String connection, Exception exception, int attempt, String node) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.exception = Objects.requireNonNull(exception, "exception");
        this.attempt = Checks.atLeast("attempt", attempt, 1);
        this.node = node;
    }

    /**
     * A failure.
     *
     * @param connection the {@link AmqpConnection#name()}
     * @param node       the broker node concerned, {@code host:port}, if known
     * @param exception what went wrong
     * @param attempt 1 for the loss (or the first failed attempt), then 2, 3, … until a reconnect succeeds
     * @return the failure
     */
    public static ConnectionFailure of(String connection, Exception exception, int attempt, Optional<String> node) {
        return new ConnectionFailure(connection, exception, attempt, Objects.requireNonNull(node, "node").orElse(null));
    }

    /** {@return the {@link AmqpConnection#name()} of the failing connection} */
    public String connection() {
        return connection;
    }

    /** {@return what went wrong} */
    public Exception exception() {
        return exception;
    }

    /**
     * 1 for the loss (or the first failed attempt), then 2, 3, … until a reconnect succeeds.
     *
     * @return the attempt: 1 for the loss (or the first failed attempt), then 2, 3, … until a reconnect succeeds
     */
    public int attempt() {
        return attempt;
    }

    /**
     * The broker node, {@code host:port}: for the loss, the node the connection was on; for a failed
     * reconnect attempt, the node tried last (every node is tried in turn within one attempt).
     *
     * @return the node, or empty when not known
     */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    @Override
    public String toString() {
        return "connection '" + connection + "' failed" + (node == null ? "" : " on " + node) + " (attempt " + attempt
                + "): " + exception;
    }
}
