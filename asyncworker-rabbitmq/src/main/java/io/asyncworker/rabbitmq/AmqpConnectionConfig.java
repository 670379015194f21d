package io.asyncworker.rabbitmq;

import io.asyncworker.BodyCodec;
import io.asyncworker.Settings;
import io.asyncworker.jackson.JacksonCodec;
import io.asyncworker.rabbitmq.internal.AmqpUri;
import io.asyncworker.rabbitmq.internal.BrokerNode;
import io.asyncworker.spi.Checks;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The options of {@link AmqpConnection.Builder}, kept apart so that the connection class stays
 * small. Every setter validates at once. Not thread-safe.
 *
 * @param <B> the builder type, for chaining
 */
abstract class AmqpConnectionConfig<B extends AmqpConnectionConfig<B>> {
    String name = "default";
    /** The broker nodes, at least one: {@code host} sets a single one, {@code port} the port of each. */
    List<BrokerNode> nodes = List.of(new BrokerNode("127.0.0.1", 5672));
    String username;
    String password;
    String vhost;
    boolean tls;
    SSLContext sslContext;
    int prefetch;
    Duration heartbeat;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration reconnectDelay = Duration.ofMillis(500);
    Duration maxReconnectDelay = Duration.ofSeconds(30);
    ConnectionFailCallback failCallback;
    boolean confirms = true;
    Duration confirmTimeout = Duration.ofSeconds(30);
    BodyCodec codec = JacksonCodec.json();
    AmqpTopology topology = AmqpTopology.empty();
    ObservationRegistry observations;

    abstract B self();

    /**
     * Takes broker address, credentials, prefetch and heartbeat from the settings.
     *
     * @param settings the settings
     * @return this builder
     */
    public B settings(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        host(settings.get(AmqpSettings.HOST)).port(settings.get(AmqpSettings.PORT))
                .username(settings.get(AmqpSettings.USERNAME)).password(settings.get(AmqpSettings.PASSWORD))
                .vhost(settings.get(AmqpSettings.VHOST)).prefetch(settings.get(AmqpSettings.PREFETCH))
                .heartbeat(settings.get(AmqpSettings.HEARTBEAT));
        settings.find(AmqpSettings.URL).ifPresent(this::url);
        return self();
    }

    /**
     * Sets the broker nodes, credentials and vhost from an {@code amqp://} or {@code amqps://} URL;
     * several nodes are separated by commas: {@code amqp://u:p@h1:5672,h2:5673,h3:5674/vhost}.
     *
     * @param url the URL, e.g. {@code amqp://guest:guest@127.0.0.1:5672/}
     * @return this builder
     * @throws IllegalArgumentException naming the problem when the URL is malformed, never showing the password
     */
    public B url(String url) {
        AmqpUri uri = AmqpUri.parse(Objects.requireNonNull(url, "url"));
        this.nodes = uri.nodes();
        uri.username().ifPresent(this::username);
        uri.password().ifPresent(this::password);
        uri.vhost().ifPresent(this::vhost);
        this.tls = uri.tls();
        return self();
    }

    /**
     * The name routes use in {@code connection("name")}; default {@code default}.
     *
     * @param name the name routes use in {@code connection("name")}; default {@code default}
     * @return this builder
     */
    public B name(String name) {
        this.name = notBlank("name", name);
        return self();
    }

    /**
     * One broker host (replacing every address set before), at the port set so far.
     *
     * @param host one host name, without a port
     * @return this builder
     * @throws IllegalArgumentException when the host is blank or lists several hosts
     */
    public B host(String host) {
        notBlank("host", host);
        if (host.contains(",")) {
            throw new IllegalArgumentException("host must be one host name, got '" + host + "': use addresses(...) for several");
        }
        this.nodes = List.of(new BrokerNode(host.trim(), nodes.getFirst().port()));
        return self();
    }

    /**
     * The broker port, 1 to 65535, of every address (with several nodes, give each its port in addresses(...)).
     *
     * @param port the port
     * @return this builder
     * @throws IllegalArgumentException when the port is outside 1 to 65535
     */
    public B port(int port) {
        Checks.between("port", port, 1, 65535);
        this.nodes = nodes.stream().map(n -> n.withPort(port)).toList();
        return self();
    }

    /**
     * The nodes of a cluster, each {@code host} or {@code host:port} (an address without a port gets
     * the port set so far, default 5672). Each connection tries them in a shuffled order and, on
     * reconnect, starts with the node after the one it used last.
     *
     * <pre>{@code
     * AmqpConnection.builder().addresses("mq-1:5672", "mq-2:5672", "mq-3:5672").build();
     * }</pre>
     *
     * @param addresses the nodes, at least one
     * @return this builder
     * @throws IllegalArgumentException when the list is empty or an address is malformed or repeated
     */
    public B addresses(String... addresses) {
        Objects.requireNonNull(addresses, "addresses");
        return addresses(List.of(addresses));
    }

    /**
     * As {@link #addresses(String...)}.
     *
     * @param addresses the nodes, at least one
     * @return this builder
     * @throws IllegalArgumentException when the list is empty or an address is malformed or repeated
     */
    public B addresses(List<String> addresses) {
        Objects.requireNonNull(addresses, "addresses");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("addresses must not be empty");
        }
        List<BrokerNode> parsed = new ArrayList<>();
        for (String a : addresses) {
            BrokerNode node = BrokerNode.parse(Objects.requireNonNull(a, "address"), nodes.getFirst().port());
            if (parsed.contains(node)) {
                throw new IllegalArgumentException("addresses must not repeat a node, got " + node + " twice");
            }
            parsed.add(node);
        }
        this.nodes = List.copyOf(parsed);
        return self();
    }

    /**
     * The user name.
     *
     * @param username the user name
     * @return this builder
     */
    public B username(String username) {
        this.username = notBlank("username", username);
        return self();
    }

    /**
     * The password; never printed.
     *
     * @param password the password; never printed
     * @return this builder
     */
    public B password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return self();
    }

    /**
     * The virtual host; default {@code /}.
     *
     * @param vhost the virtual host; default {@code /}
     * @return this builder
     */
    public B vhost(String vhost) {
        this.vhost = Objects.requireNonNull(vhost, "vhost");
        return self();
    }

    /**
     * {@code basic.qos} per consuming channel, 1 to 65535; the route's bulk size is clamped to it.
     *
     * @param prefetch {@code basic.qos} per consuming channel, 1 to 65535; the route's bulk size is clamped to it
     * @return this builder
     */
    public B prefetch(int prefetch) {
        this.prefetch = Checks.between("prefetch", prefetch, 1, 65535);
        return self();
    }

    /**
     * The heartbeat, whole seconds; zero disables it.
     *
     * @param heartbeat the heartbeat, whole seconds; zero disables it
     * @return this builder
     */
    public B heartbeat(Duration heartbeat) {
        this.heartbeat = Checks.between("heartbeat", heartbeat, Duration.ZERO, Duration.ofSeconds(65535));
        return self();
    }

    /**
     * TLS with the JVM's default trust store and host name verification.
     *
     * @return this builder
     */
    public B tls() {
        this.tls = true;
        this.sslContext = null;
        return self();
    }

    /**
     * TLS with the given context (trust store, client certificate) and host name verification.
     *
     * @param context the backend's context
     * @return this builder
     */
    public B tls(SSLContext context) {
        this.tls = true;
        this.sslContext = Objects.requireNonNull(context, "tls");
        return self();
    }

    /**
     * TCP connect and AMQP handshake timeout; positive.
     *
     * @param timeout how long to wait; positive
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = positive("connectTimeout", timeout);
        return self();
    }

    /**
     * First and largest reconnect delay; the delay doubles per failed attempt, with jitter.
     *
     * @param first the first delay
     * @param max the largest delay
     * @return this builder
     */
    public B reconnectDelay(Duration first, Duration max) {
        positive("reconnectDelay", first);
        positive("maxReconnectDelay", max);
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("maxReconnectDelay must be at least reconnectDelay, got " + max);
        }
        this.reconnectDelay = first;
        this.maxReconnectDelay = max;
        return self();
    }

    /**
     * Told about each connection loss and each failed reconnect attempt.
     *
     * @param callback the callback, called on a connection thread
     * @return this builder
     */
    public B connectionFailCallback(ConnectionFailCallback callback) {
        this.failCallback = Objects.requireNonNull(callback, "connectionFailCallback");
        return self();
    }

    /**
     * Whether {@code publish} waits for publisher confirms; default {@code true}.
     *
     * @param confirms whether {@code publish} waits for publisher confirms; default {@code true}
     * @return this builder
     */
    public B publisherConfirms(boolean confirms) {
        this.confirms = confirms;
        return self();
    }

    /**
     * How long {@code publish} waits for a confirm; positive, at most one day, default 30 s.
     *
     * @param timeout the longest wait for a confirm
     * @return this builder
     * @throws IllegalArgumentException when the timeout is not positive or longer than a day
     */
    public B confirmTimeout(Duration timeout) {
        this.confirmTimeout = Checks.between("confirmTimeout", timeout, Duration.ofNanos(1), Duration.ofDays(1));
        return self();
    }

    /**
     * The codec for message bodies; default JSON via Jackson.
     *
     * @param codec the codec for message bodies; default JSON via Jackson
     * @return this builder
     */
    public B codec(BodyCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        return self();
    }

    /**
     * Exchanges, queues and bindings to declare when the app starts (before any consumer
     * subscribes) and after each reconnect; several calls add up.
     *
     * <pre>{@code
     * AmqpConnection.fromEnv().toBuilder()
     *         .declare(AmqpTopology.builder().exchange(Exchange.topic("orders"))
     *                 .queue("invoices", QueueDeclaration.quorum()).build())
     *         .build();
     * }</pre>
     *
     * @param topology the exchanges, queues and bindings to add
     * @return this builder
     * @throws IllegalArgumentException when it declares an exchange or queue differently than an earlier call
     */
    public B declare(AmqpTopology topology) {
        this.topology = this.topology.with(Objects.requireNonNull(topology, "declare"));
        return self();
    }

    /**
     * Observes this connection's publishes with the given registry (e.g. to publish traced from a
     * program without an {@code App}), instead of the app's registry it otherwise takes when the
     * app starts.
     *
     * @param registry the registry
     * @return this builder
     */
    public B observations(ObservationRegistry registry) {
        this.observations = Objects.requireNonNull(registry, "observations");
        return self();
    }

    void copyFrom(AmqpConnectionConfig<?> o) {
        name = o.name; nodes = o.nodes; username = o.username; password = o.password;
        vhost = o.vhost; tls = o.tls; sslContext = o.sslContext; prefetch = o.prefetch; heartbeat = o.heartbeat;
        connectTimeout = o.connectTimeout; reconnectDelay = o.reconnectDelay; maxReconnectDelay = o.maxReconnectDelay;
        failCallback = o.failCallback; confirms = o.confirms; confirmTimeout = o.confirmTimeout; codec = o.codec;
        topology = o.topology;
        observations = o.observations;
    }

    private static String notBlank(String option, String value) {
        return Checks.notBlank(option, value);
    }

    private static Duration positive(String option, Duration value) {
        return Checks.positive(option, value);
    }
}
