package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.micrometer.observation.ObservationRegistry;
import io.asyncworker.rabbitmq.PublishException;
import io.asyncworker.rabbitmq.PublishException.Failure;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing side of an {@code AmqpConnection}: its own connection (opened on first use and
 * again after a failure), a few shared confirm channels ({@link PublishConnection}), and an
 * {@link ExchangeProbe} that sends the first publish to each exchange alone. Each publish gets
 * its own outcome: a channel error fails only the publish that caused it, the others of that
 * channel are sent again ({@link ChannelLoss}).
 *
 * <p>Thread-safe: publish from any thread. Futures complete on virtual threads, never on
 * amqp-client's connection thread.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    /** Shared channels: one for the default exchange, the others shared by the other exchanges. */
    static final int SLOTS = 4;
    /** How long {@link #close()} waits at most for open publishes to be confirmed. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Duration confirmTimeout;
    private final PublishConnection connection;
    private final ExchangeProbe probe;
    private final PublishObservations observations;

    /**
     * @param factory        makes a configured connection factory
     * @param connectionName shown in the broker's connection list
     */
    public Publisher(Supplier<ConnectionFactory> factory, String connectionName, boolean confirms, Duration confirmTimeout,
                     Optional<ObservationRegistry> observations) {
        this(factory, connectionName, confirms, confirmTimeout, SLOTS, observations.orElse(null));
    }

    Publisher(Supplier<ConnectionFactory> factory, String connectionName, boolean confirms, Duration confirmTimeout,
              int slots, ObservationRegistry observations) {
        this.confirmTimeout = confirmTimeout;
        this.observations = new PublishObservations(observations);
        // both callbacks run on the first publish at the earliest, when the fields are set
        this.connection = new PublishConnection(factory, connectionName, confirms, slots, this::lost, this::opened);
        this.probe = new ExchangeProbe(connection, confirmTimeout);
    }

    /** A new connection: every exchange is checked again. */
    private void opened() {
        probe.reset();
    }

    /** Observes this connection's publishes with the app's registry, unless the connection has its own. */
    public void adoptObservations(ObservationRegistry appRegistry) {
        observations.adopt(appRegistry);
    }

    /** Publishes and waits for the confirm (when confirms are on), at most the confirm timeout. */
    public void publish(String exchange, String routingKey, byte[] body, AMQP.BasicProperties props, boolean mandatory) {
        PublishObservations.Publish observed = observations.start(exchange, routingKey, props);
        try {
            publishObserved(exchange, routingKey, body, observed.properties(), mandatory);
        } catch (RuntimeException e) {
            observed.done(e);
            throw e;
        }
        observed.done(null);
    }

    private void publishObserved(String exchange, String routingKey, byte[] body, AMQP.BasicProperties props,
                                 boolean mandatory) {
        PendingPublish p = PendingPublish.of(new Outgoing(exchange, routingKey, mandatory, props, body));
        send(p);
        try {
            p.done().get(confirmTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw asPublishException(exchange, routingKey, e.getCause());
        } catch (TimeoutException e) {
            throw unconfirmed(exchange, routingKey, "no publisher confirm within " + confirmTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unconfirmed(exchange, routingKey, "interrupted while waiting for the confirm", e);
        }
    }

    /**
     * Publishes; the future completes on a virtual thread when the broker answered (at once with
     * confirms off), failing with {@link PublishException}. No timeout applies: a publish whose
     * connection is lost fails, and callers add {@code orTimeout} for a bound of their own.
     */
    public CompletableFuture<Void> publishAsync(String exchange, String routingKey, byte[] body,
                                                AMQP.BasicProperties props, boolean mandatory) {
        PublishObservations.Publish observed = observations.start(exchange, routingKey, props);
        PendingPublish p = PendingPublish.chained(new Outgoing(exchange, routingKey, mandatory, observed.properties(), body));
        p.done().whenComplete((ignored, failure) -> observed.done(failure)); // the caller gets p.done() itself
        send(p);
        return p.done();
    }

    private void send(PendingPublish p) {
        if (p.done().isDone()) {
            return; // answered meanwhile (e.g. timed out): never sent twice on our own
        }
        if (!probe.isVerified(p.message().exchange()) && probe.sendFirst(p)) {
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (connection.forExchange(p.message().exchange()).publish(p)) {
                    return;
                }
            } catch (IOException | TimeoutException | RuntimeException e) {
                p.fail(Failure.NOT_SENT, "the publishing connection cannot be opened: " + describe(e), e);
                return;
            }
        }
        p.fail(Failure.NOT_SENT, "the publishing channel closed three times before it could be sent", null);
    }

    /** A shared channel closed: decide each open publish, send again those that did not cause it. */
    private void lost(PublishChannel channel, ChannelLoss loss, List<PendingPublish> open) {
        loss.exchange().ifPresent(probe::forget);
        List<Runnable> resends = new ArrayList<>();
        for (PendingPublish p : open) {
            ChannelLoss.Decision d = loss.decide(p, false);
            switch (d.action()) {
                case FAIL -> p.fail(d.failure(), d.reason(), loss.cause());
                case RETRY -> resends.add(() -> send(p.lostOnce()));
                case RETRY_ALONE -> resends.add(() -> probe.resendAlone(p.lostOnce()));
            }
        }
        if (loss.kind() != ChannelLoss.Kind.CLOSED_BY_US) {
            LOG.warn("a publishing channel was closed ({}) before the broker confirmed {} publishes: {} failed, {} sent again",
                    loss.describe(), open.size(), open.size() - resends.size(), resends.size());
        }
        resends.forEach(Runnable::run); // in publish order, on the channel's outcome thread
    }

    /** Waits up to 5 s for open publishes to be confirmed, then closes the connection. A later publish reopens it. */
    @Override
    public void close() {
        connection.close(confirmTimeout.compareTo(CLOSE_WAIT) < 0 ? confirmTimeout : CLOSE_WAIT);
        probe.reset();
    }

    static String describe(Exception e) {
        if (e instanceof ShutdownSignalException sse) {
            return "closed: " + sse.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static PublishException asPublishException(String exchange, String routingKey, Throwable cause) {
        return cause instanceof PublishException pe ? pe
                : new PublishException(exchange, routingKey, Failure.UNCONFIRMED, String.valueOf(cause), cause);
    }

    private static PublishException unconfirmed(String exchange, String routingKey, String why, Throwable cause) {
        return new PublishException(exchange, routingKey, Failure.UNCONFIRMED,
                why + "; it may or may not have been published", cause);
    }
}
