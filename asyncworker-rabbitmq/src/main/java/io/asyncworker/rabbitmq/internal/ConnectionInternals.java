package io.asyncworker.rabbitmq.internal;

import io.asyncworker.rabbitmq.AmqpConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the backend needs of an {@link AmqpConnection} that its public API does not show: the
 * publisher and its confirm settings, for republishing failed messages (retries, parking lot) and
 * for handing the publisher the app's observation registry.
 * {@code AmqpConnection} installs the accessor when its class initializes, so it is there for
 * every instance (the JDK's "shared secrets" pattern). Thread-safe.
 */
public final class ConnectionInternals {
    private static volatile Function<AmqpConnection, Parts> access;

    /**
     * The internals of one connection.
     *
     * @param publisher      its publisher
     * @param confirms       whether publishes wait for the broker's confirms
     * @param confirmTimeout how long a publish waits for its confirm
     */
    public record Parts(Publisher publisher, boolean confirms, Duration confirmTimeout) {
    }

    private ConnectionInternals() {
    }

    /**
     * Called once, by {@code AmqpConnection}'s static initializer.
     *
     * @param accessor reads the parts of a connection
     * @throws IllegalStateException when called again
     */
    public static synchronized void install(Function<AmqpConnection, Parts> accessor) {
        if (access != null) {
            throw new IllegalStateException("already installed");
        }
        access = Objects.requireNonNull(accessor, "accessor");
    }

    static Parts of(AmqpConnection connection) {
        return access.apply(connection);
    }
}
