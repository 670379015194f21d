package io.asyncworker.test.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * The RabbitMQ of a test JVM, chosen once: {@code ASYNCWORKER_TEST_AMQP_URL} when set, else the broker
 * on 127.0.0.1:5672 when it answers, else a Testcontainers RabbitMQ when a Docker engine runs; and how
 * vhosts are made on it, found out once: its HTTP management API when that answers and lets the user
 * create vhosts, else (for the local broker or a container) {@code rabbitmqctl} when it works, else
 * not at all. Thread-safe; the container, if any, lives as long as the JVM.
 */
public final class ChosenBroker {
    /** The image used when a container is started. */
    public static final String IMAGE = "rabbitmq:3.13-management";
    /** The variable that names the broker's URL. */
    public static final String URL_VARIABLE = "ASYNCWORKER_TEST_AMQP_URL";
    /** The variable that names the management API's URL, e.g. {@code http://admin:secret@rabbit:15672}. */
    public static final String MANAGEMENT_VARIABLE = "ASYNCWORKER_TEST_AMQP_MANAGEMENT_URL";
    private static final Logger LOG = LoggerFactory.getLogger(ChosenBroker.class);
    private static volatile ChosenBroker chosen;

    private final String url;
    private final boolean given;
    private final RabbitMQContainer container;
    private Optional<VhostAdmin> vhosts;

    private ChosenBroker(String url, boolean given, RabbitMQContainer container) {
        this.url = url;
        this.given = given;
        this.container = container;
    }

    /**
     * {@return the broker of this JVM}
     *
     * @throws IllegalStateException when no broker can be had, saying how to provide one
     */
    public static ChosenBroker get() {
        ChosenBroker b = chosen;
        if (b == null) {
            synchronized (ChosenBroker.class) {
                if (chosen == null) {
                    chosen = choose();
                }
                b = chosen;
            }
        }
        return b;
    }

    private static ChosenBroker choose() {
        String env = System.getenv(URL_VARIABLE);
        if (env != null && !env.isBlank()) {
            return new ChosenBroker(env.trim(), true, null);
        }
        if (answers("127.0.0.1", 5672)) {
            return new ChosenBroker("amqp://guest:guest@127.0.0.1:5672/%2F", false, null);
        }
        if (dockerAvailable()) {
            RabbitMQContainer c = new RabbitMQContainer(IMAGE);
            c.start();
            return new ChosenBroker(c.getAmqpUrl() + "/%2F", false, c);
        }
        throw new IllegalStateException("no RabbitMQ for the broker tests: " + URL_VARIABLE + " is not set, "
                + "nothing answers on 127.0.0.1:5672, and no Docker engine is available for Testcontainers. "
                + "Start a broker (rabbitmq-server -detached), or set " + URL_VARIABLE + "=amqp://user:pass@host:port/vhost");
    }

    /** {@return the broker's URL, {@code amqp://user:pass@host:port/vhost}} */
    public String url() {
        return url;
    }

    /**
     * Runs {@code rabbitmqctl}: the local command for the local broker, inside the container for a
     * Testcontainers broker.
     *
     * @throws IllegalStateException when the broker was given by URL, or the command fails
     */
    public String rabbitmqctl(String... args) {
        if (given) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " needs the local or a "
                    + "Testcontainers broker; " + URL_VARIABLE + " points at another one");
        }
        return Rabbitmqctl.run(container, args);
    }

    /** {@return how vhosts are made on this broker; empty when they cannot be} */
    public synchronized Optional<VhostAdmin> vhosts() {
        if (vhosts == null) {
            vhosts = detect();
            LOG.info("test broker {}: {}", BrokerUrl.parse(url).host(), vhosts.map(v -> "vhosts through " + v.describe())
                    .orElse("no way to create vhosts (no management API, no rabbitmqctl): tests share its vhost, "
                            + "with unique queue names"));
        }
        return vhosts;
    }

    private Optional<VhostAdmin> detect() {
        BrokerUrl u = BrokerUrl.parse(url);
        Optional<VhostAdmin> api = managementUri(u).flatMap(uri -> ManagementApi.probe(
                URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()), user(uri, u), password(uri, u)));
        if (api.isPresent() || given) {
            return api;
        }
        CtlVhosts ctl = new CtlVhosts(args -> Rabbitmqctl.run(container, args));
        try {
            ctl.exists("/");
            return Optional.of(ctl);
        } catch (IllegalStateException e) {
            LOG.debug("rabbitmqctl does not work here: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<URI> managementUri(BrokerUrl u) {
        String env = System.getenv(MANAGEMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Optional.of(URI.create(env.trim()));
        }
        if (container != null) {
            return Optional.of(URI.create(container.getHttpUrl()));
        }
        return answers(u.host(), 15672) ? Optional.of(URI.create("http://" + u.host() + ":15672")) : Optional.empty();
    }

    private static String user(URI api, BrokerUrl amqp) {
        return api.getUserInfo() == null ? amqp.user() : api.getUserInfo().split(":", 2)[0];
    }

    private static String password(URI api, BrokerUrl amqp) {
        String[] info = api.getUserInfo() == null ? null : api.getUserInfo().split(":", 2);
        return info == null ? amqp.password() : info.length > 1 ? info[1] : "";
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
