package io.asyncworker.devbroker.internal;

import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.spi.DevService;
import io.asyncworker.spi.DevServiceException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker dev service's choice: makes sure an AMQP 0-9-1 broker answers for a worker run in
 * dev mode.
 *
 * <p>With {@code ASYNCWORKER_AMQP_URL} set it does nothing. Else, a RabbitMQ answering on
 * {@code ASYNCWORKER_AMQP_HOST:PORT} is used as is. When nothing answers on this machine it starts
 * the embedded broker in this JVM, and only when that cannot start, RabbitMQ in Docker; without
 * Docker it fails saying what to do. What it starts is handed back as a {@link DevService.Running}
 * whose settings point the app at it. It never uses something that is not RabbitMQ on the
 * configured port, and never replaces a broker configured on another host, which is down, with a
 * local one. Called on the command's thread.
 */
public final class DevBroker {
    private static final Logger LOG = LoggerFactory.getLogger(DevBroker.class);
    static final String IMAGE = "rabbitmq:4-management-alpine";

    /** Starts the embedded broker; Qpid Broker-J in production. */
    @FunctionalInterface
    interface Embedded {
        /** Starts it and returns it once it accepts connections. */
        DevService.Running start() throws Exception;
    }

    /** Starts RabbitMQ containers; Testcontainers in production. */
    interface Docker {
        /** Whether a Docker engine answers. */
        boolean available();

        /** Starts a RabbitMQ container and returns it once it accepts connections. */
        Container start(String image) throws Exception;
    }

    /** A running RabbitMQ container. */
    interface Container extends AutoCloseable {
        /** {@code amqp://user:pass@host:port} of the container's broker. */
        String amqpUrl();

        /** Where the management UI answers. */
        String managementUrl();

        @Override
        void close();
    }

    private final Duration probeTimeout;
    private final Embedded embedded;
    private final Docker docker;

    DevBroker(Duration probeTimeout, Embedded embedded, Docker docker) {
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
        this.embedded = Objects.requireNonNull(embedded, "embedded");
        this.docker = Objects.requireNonNull(docker, "docker");
    }

    /** The dev service with the embedded Qpid broker and Testcontainers. */
    public static DevBroker standard() {
        return new DevBroker(Duration.ofSeconds(2), EmbeddedBroker::start, new TestcontainersDocker());
    }

    /**
     * Makes sure a broker answers for these settings.
     *
     * @return the broker it started, empty when an existing one is used
     * @throws DevServiceException saying what to do when no broker can be had
     */
    public Optional<DevService.Running> ensure(Settings settings) throws DevServiceException {
        if (settings.find(AmqpSettings.URL).isPresent()) {
            LOG.info("dev: ASYNCWORKER_AMQP_URL is set ({}); using that broker, no dev broker started",
                    settings.describe().get(AmqpSettings.URL.name()));
            return Optional.empty();
        }
        String host = settings.get(AmqpSettings.HOST);
        String where = host + ":" + settings.get(AmqpSettings.PORT);
        AmqpProbe.Answer answer = AmqpProbe.probe(host, settings.get(AmqpSettings.PORT), probeTimeout);
        return switch (answer.kind()) {
            case RABBITMQ -> {
                LOG.info("dev: {} answers on {}; using it, no dev broker started", answer.detail(), where);
                yield Optional.empty();
            }
            case NOT_RABBITMQ -> throw new DevServiceException("something answers on " + where
                    + " but it is not RabbitMQ (" + answer.detail() + "); asyncworker will not use it. "
                    + "Stop it, or point ASYNCWORKER_AMQP_URL (or ASYNCWORKER_AMQP_HOST/_PORT) at a RabbitMQ.");
            case NOTHING -> {
                if (!isLocal(host)) {
                    throw new DevServiceException(remoteIsDown(where, answer.detail()));
                }
                yield Optional.of(provide(where, answer.detail()));
            }
        };
    }

    /** Whether a host names this machine; a dev broker only ever stands in for a local one. */
    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The embedded broker; Docker only when it cannot start. */
    private DevService.Running provide(String where, String why) throws DevServiceException {
        String embeddedFailure;
        LOG.info("dev: nothing answers on {} ({}); starting an embedded AMQP 0-9-1 broker in this JVM", where, why);
        try {
            DevService.Running broker = embedded.start();
            LOG.warn("dev: the embedded broker is NOT RabbitMQ. {} Messages live in memory until this process exits.",
                    EmbeddedBroker.LIMITS);
            return broker;
        } catch (Exception | LinkageError e) {
            embeddedFailure = String.valueOf(e);
            LOG.warn("dev: the embedded AMQP broker could not start ({}); trying RabbitMQ in Docker", embeddedFailure);
        }
        return startContainer(where, why, embeddedFailure);
    }

    private DevService.Running startContainer(String where, String why, String embeddedFailure)
            throws DevServiceException {
        if (!docker.available()) {
            throw new DevServiceException(instructions(where, why, embeddedFailure));
        }
        LOG.info("dev: starting RabbitMQ in Docker ({})", IMAGE);
        Container container;
        try {
            container = docker.start(IMAGE);
        } catch (Exception e) {
            throw new DevServiceException("dev: could not start RabbitMQ in Docker (" + IMAGE + "): " + e
                    + "\n" + instructions(where, why, embeddedFailure), e);
        }
        LOG.info("dev: RabbitMQ is up in Docker at {} (management UI {}, guest/guest); the app uses it until "
                + "this command ends", container.amqpUrl(), container.managementUrl());
        return new ContainerBroker(container);
    }

    static String remoteIsDown(String where, String why) {
        return "dev: nothing answers on " + where + " (" + why + "), the broker that ASYNCWORKER_AMQP_HOST names. "
                + "A dev broker only stands in for one on this machine, never for another host: start that broker, "
                + "point ASYNCWORKER_AMQP_URL at one that runs, or unset ASYNCWORKER_AMQP_HOST to use (or start) "
                + "a local broker.";
    }

    static String instructions(String where, String why, String embeddedFailure) {
        return "dev: no RabbitMQ answers on " + where + " (" + why + "), ASYNCWORKER_AMQP_URL is not set, "
                + "the embedded broker could not start (" + embeddedFailure + ") "
                + "and no Docker engine is available to start one. Do one of:\n"
                + "  - point the worker at a broker: export ASYNCWORKER_AMQP_URL=amqp://user:password@host:5672/vhost\n"
                + "  - install and start RabbitMQ here, e.g. `sudo apt-get install rabbitmq-server` "
                + "then `rabbitmq-server -detached` (macOS: `brew services start rabbitmq`)\n"
                + "  - start Docker, and --dev runs " + IMAGE + " for you";
    }

    /** A container as the dev service's running system. */
    private record ContainerBroker(Container container) implements DevService.Running {
        @Override
        public java.util.Map<String, String> settings() {
            return java.util.Map.of(AmqpSettings.URL.name(), container.amqpUrl());
        }

        @Override
        public String description() {
            return "RabbitMQ in Docker (" + IMAGE + ") at " + container.amqpUrl();
        }

        @Override
        public void close() {
            container.close();
        }
    }
}
