package io.asyncworker.rabbitmq;

import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.BodyCodec;
import io.asyncworker.Connection;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.internal.AmqpFleetLock;
import io.asyncworker.rabbitmq.internal.BrokerNode;
import io.asyncworker.rabbitmq.internal.ConnectionInternals;
import io.asyncworker.rabbitmq.internal.HeaderValues;
import io.asyncworker.rabbitmq.internal.NodeListConnectionFactory;
import io.asyncworker.rabbitmq.internal.NodeRotation;
import io.asyncworker.rabbitmq.internal.PublishBodies;
import io.asyncworker.rabbitmq.internal.Publisher;
import io.asyncworker.rabbitmq.internal.TopologyDeclarer;
import io.asyncworker.FleetLock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/**
 * A named RabbitMQ broker connection: where to connect, {@code basic.qos} prefetch, heartbeat,
 * TLS, recovery, and publishing.
 *
 * <pre>{@code
 * AmqpConnection rabbit = AmqpConnection.fromEnv();                       // ASYNCWORKER_AMQP_*
 * AmqpConnection other = AmqpConnection.builder().url("amqp://app:secret@mq:5672/jobs")
 *         .name("jobs").prefetch(256).build();
 * AmqpConnection cluster = AmqpConnection.url("amqp://app:secret@mq-1:5672,mq-2:5672,mq-3:5672/jobs");
 * app.connection(rabbit).connection(other);
 * rabbit.publish("", "items", new Item(42));     // JSON, confirmed; a missing queue 'items' is an error
 * }</pre>
 *
 * <p>The backend opens one connection for consuming at start and recovers it itself (amqp-client's
 * automatic recovery is off). Publishing uses a second connection that opens on the first
 * {@code publish}, so it works from startup hooks, handlers and any other thread; it reopens
 * after a failure and is closed by {@link #close()}, which the app calls when it stops.
 *
 * <p>With several broker nodes (a cluster), each connection tries them in an order shuffled once per
 * {@code AmqpConnection} and taken in turn: a reconnect starts with the node after the one used
 * last, so a worker fails over to another node when its node dies.
 *
 * <p>Each publish is observed (SPEC §16) with the registry given to
 * {@link Builder#observations(io.micrometer.observation.ObservationRegistry) the builder}, else with the
 * app's ({@code App.builder().observations(..)})
 * once the connection is registered with an app that starts: a tracing handler then writes the
 * W3C trace context ({@code traceparent}, {@code tracestate}, {@code baggage}) into the message's
 * headers. Without one nothing is added to the headers.
 *
 * <p>Immutable configuration and thread-safe: {@code publish} may be called from many threads
 * at once. The builder is not thread-safe.
 */
public final class AmqpConnection implements Connection, AutoCloseable {
    static {
        ConnectionInternals.install(c -> new ConnectionInternals.Parts(c.publisher, c.config.confirms, c.config.confirmTimeout));
    }

    private final Builder config;
    private final NodeRotation nodes;
    private final Publisher publisher;
    private final AmqpFleetLock fleetLock;

    private AmqpConnection(Builder b) {
        this.config = b.copy();
        this.nodes = NodeRotation.shuffled(config.nodes);
        this.fleetLock = new AmqpFleetLock(this::connectionFactory, config.name + "-fleet", config.confirmTimeout);
        this.publisher = new Publisher(this::connectionFactory, config.name + "-publisher", config.confirms,
                config.confirmTimeout, Optional.ofNullable(config.observations));
    }

    /** {@return a builder with the settings' defaults: 127.0.0.1:5672, guest/guest, vhost {@code /}, prefetch 128} */
    public static Builder builder() {
        return new Builder().settings(Settings.from(java.util.Map.<String, String>of()));
    }

    /** {@return a connection configured by the process's {@code ASYNCWORKER_AMQP_*} variables} */
    public static AmqpConnection fromEnv() {
        return from(Settings.fromEnv());
    }

    /**
     * {@return a connection configured by the given settings (URL or fields, prefetch, heartbeat)}
     *
     * @param settings the settings
     */
    public static AmqpConnection from(Settings settings) {
        return new Builder().settings(Objects.requireNonNull(settings, "settings")).build();
    }

    /**
     * {@return a connection to an {@code amqp://user:pass@host:port/vhost} URL with every other option at
     * its default ({@code amqps://} turns TLS on with the JVM's trust store); use
     * {@code builder().url(...)} to set more}
     *
     * @param url the URL
     * @throws IllegalArgumentException when the URL is malformed
     */
    public static AmqpConnection url(String url) {
        return builder().url(url).build();
    }

    /**
     * A builder starting from this connection's configuration.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        return config.copy();
    }

    @Override
    public String name() {
        return config.name;
    }

    @Override
    public RouteType type() {
        return RouteType.AMQP_RABBITMQ;
    }

    /** {@return {@code basic.qos} prefetch of every consuming channel} */
    public int prefetch() {
        return config.prefetch;
    }

    /** {@return the heartbeat asked of the broker; zero disables it} */
    public Duration heartbeat() {
        return config.heartbeat;
    }

    /**
     * Where it connects, e.g. {@code amqp://127.0.0.1:5672/} or, with several nodes,
     * {@code amqp://mq-1:5672,mq-2:5672/jobs} (no credentials).
     *
     * @return the address, without credentials
     */
    public String address() {
        String hosts = config.nodes.stream().map(BrokerNode::toString).collect(Collectors.joining(","));
        return (config.tls ? "amqps://" : "amqp://") + hosts + "/" + ("/".equals(config.vhost) ? "" : config.vhost);
    }

    /** {@return the broker nodes as {@code host:port}, in the order configured} */
    public List<String> addresses() {
        return config.nodes.stream().map(BrokerNode::toString).toList();
    }

    /** {@return what it declares when the app starts and after each reconnect; empty by default} */
    public AmqpTopology topology() {
        return config.topology;
    }

    /**
     * Declares exchanges, queues and bindings now, on a short-lived connection of its own: for tools
     * and startup hooks. An app declares {@link #topology()} by itself; this does not add to it.
     *
     * @param topology the exchanges, queues and bindings to declare
     * @throws IllegalStateException when the broker cannot be reached or refuses a declaration (an
     *                               existing queue with other arguments), naming it and the reason
     */
    public void declare(AmqpTopology topology) {
        TopologyDeclarer.declare(this, Objects.requireNonNull(topology, "topology"));
    }

    /**
     * The lock through which the replicas of a worker pick the one that runs each due time of a
     * once-per-fleet schedule, through this broker (no database): see
     * {@code Schedule.oncePerFleet(FleetLock)}.
     *
     * <pre>{@code
     * app.route(Schedule.cron("0 0 3 * * *", ZoneId.of("UTC")).name("nightly-report")
     *         .oncePerFleet(rabbit.fleetLock()).handler(ctx -> report()));
     * }</pre>
     *
     * <p>Each claim declares a small durable queue named {@code asyncworker.fleet.<schedule>.<due
     * time>} holding one message, deleted by the broker a few minutes after the due time. The lock
     * uses a connection of its own, opened on the first claim and closed by {@link #close()}.
     *
     * @return the connection's lock; the same instance on every call
     */
    public FleetLock fleetLock() {
        return fleetLock;
    }

    /** {@return the callback told about connection failures, if any} */
    public Optional<ConnectionFailCallback> connectionFailCallback() {
        return Optional.ofNullable(config.failCallback);
    }

    /** {@return the first reconnect delay; it doubles per failed attempt, with jitter} */
    public Duration reconnectDelay() {
        return config.reconnectDelay;
    }

    /** {@return the largest reconnect delay} */
    public Duration maxReconnectDelay() {
        return config.maxReconnectDelay;
    }

    /** {@return the codec for {@code body(Class)}, typed route bodies and published objects} */
    public BodyCodec codec() {
        return config.codec;
    }

    /**
     * A new amqp-client factory configured like this connection, with automatic recovery off (the
     * backend recovers itself). Its {@code newConnection(...)} methods that take no addresses try
     * every broker node, starting where this connection's rotation is; its host and port are the
     * first node's. For tools and advanced use; the backend uses it too.
     *
     * @return a new factory; the caller closes the connections it opens
     */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory f = new NodeListConnectionFactory(nodes);
        f.setUsername(config.username);
        f.setPassword(config.password);
        f.setVirtualHost(config.vhost);
        f.setRequestedHeartbeat((int) config.heartbeat.toSeconds());
        f.setConnectionTimeout((int) config.connectTimeout.toMillis());
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        if (config.tls) {
            f.useSslProtocol(config.sslContext != null ? config.sslContext : defaultSslContext());
            f.enableHostnameVerification();
        }
        return f;
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context in this JVM", e);
        }
    }

    /**
     * Publishes a message and, with confirms on (the default), waits for the broker's confirm, at
     * most {@code confirmTimeout}. The body is JSON via the codec for objects, UTF-8 text for a
     * {@code String}, raw for {@code byte[]}. Persistent, and mandatory on the default exchange
     * {@code ""}: there the routing key names a queue, and a queue that does not exist is a
     * {@link PublishException} naming it instead of a message dropped silently (see
     * {@link PublishOptions.Builder#mandatory(boolean)}).
     *
     * <p>Each publish gets its own outcome: one to an exchange that does not exist fails alone
     * ({@link PublishException.Failure#EXCHANGE_NOT_FOUND}) and never fails another publish.
     *
     * @param exchange the exchange's name; {@code ""} for the default exchange
     * @param routingKey the routing key; on the default exchange, the queue's name
     * @param body the body: an object for the codec, a {@code String} or a {@code byte[]}
     * @throws PublishException         when the broker did not take it: see {@link PublishException#failure()}
     * @throws IllegalArgumentException when the exchange or routing key is longer than 255 UTF-8 bytes
     */
    public void publish(String exchange, String routingKey, Object body) {
        publish(exchange, routingKey, body, PublishOptions.defaults());
    }

    /**
     * Publishes with headers and properties; see {@link #publish(String, String, Object)}. A
     * mandatory message (by default: on the default exchange) that no queue takes fails with
     * {@link PublishException.Failure#UNROUTABLE}; the message carries exactly the headers set.
     *
     * @param exchange the exchange's name; {@code ""} for the default exchange
     * @param routingKey the routing key; on the default exchange, the queue's name
     * @param body the body: an object for the codec, a {@code String} or a {@code byte[]}
     * @param options the headers and properties, and whether the message is mandatory
     * @throws PublishException when the broker did not take it: see {@link PublishException#failure()}
     * @throws IllegalArgumentException when the exchange or routing key is longer than 255 UTF-8 bytes
     */
    public void publish(String exchange, String routingKey, Object body, PublishOptions options) {
        PublishBodies.Encoded e = encode(exchange, routingKey, body, options);
        publisher.publish(exchange, routingKey, e.bytes(), e.properties(), options.mandatoryFor(exchange));
    }

    /**
     * Publishes without waiting for the confirm; the future completes on a virtual thread (never
     * on amqp-client's thread) when the broker confirmed (at once with confirms off), or fails with
     * {@link PublishException}. No timeout applies (add {@code orTimeout} for one); a lost
     * connection fails it. The first publish to each exchange waits for its confirm before this
     * returns, so that an error it causes is its own (see the README's publishing section).
     *
     * @param exchange the exchange's name; {@code ""} for the default exchange
     * @param routingKey the routing key; on the default exchange, the queue's name
     * @param body the body: an object for the codec, a {@code String} or a {@code byte[]}
     * @param options the headers and properties, and whether the message is mandatory
     * @return a future completed when the broker confirmed the message
     */
    public CompletableFuture<Void> publishAsync(String exchange, String routingKey, Object body, PublishOptions options) {
        PublishBodies.Encoded e = encode(exchange, routingKey, body, options);
        return publisher.publishAsync(exchange, routingKey, e.bytes(), e.properties(), options.mandatoryFor(exchange));
    }

    private PublishBodies.Encoded encode(String exchange, String routingKey, Object body, PublishOptions options) {
        HeaderValues.shortString("exchange", Objects.requireNonNull(exchange, "exchange"));
        HeaderValues.shortString("routingKey", Objects.requireNonNull(routingKey, "routingKey"));
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(options, "options");
        return PublishBodies.encode(body, options, config.codec);
    }

    /**
     * Closes the publishing connection (and the fleet lock's), if open, after waiting up to 5 s (at
     * most the confirm timeout) for the confirms of open publishes; those still open then fail as
     * {@link PublishException.Failure#UNCONFIRMED}. A later publish opens it again.
     */
    @Override
    public void close() {
        publisher.close();
        fleetLock.close();
    }

    @Override
    public String toString() {
        return "AmqpConnection[" + config.name + " " + config.username + "@" + address() + ", prefetch="
                + config.prefetch + ", heartbeat=" + config.heartbeat + "]";
    }

    /**
     * Configures an {@link AmqpConnection}; each setter validates at once and throws
     * {@link IllegalArgumentException} naming the option. Not thread-safe.
     */
    public static final class Builder extends AmqpConnectionConfig<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        private Builder copy() {
            Builder b = new Builder();
            b.copyFrom(this);
            return b;
        }

        /**
         * Builds the connection; nothing is opened yet.
         *
         * @return this builder
         */
        public AmqpConnection build() {
            return new AmqpConnection(this);
        }
    }
}
