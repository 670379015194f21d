package io.asyncworker.cli.internal;

import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker dev service: makes sure a RabbitMQ answers for a worker run with {@code --dev}.
 *
 * <p>With {@code ASYNCWORKER_AMQP_URL} set it does nothing. Else, a RabbitMQ answering on
 * {@code ASYNCWORKER_AMQP_HOST:PORT} is used as is; when nothing answers on this machine it starts
 * RabbitMQ in Docker and sets the system property {@code ASYNCWORKER_AMQP_URL} to it for the life
 * of the process; without Docker it fails saying what to do. It never uses something that is not
 * RabbitMQ, and never replaces a broker configured on another host, which is down, with a local one.
 */
final class DevBroker {
    private static final Logger LOG = LoggerFactory.getLogger(DevBroker.class);
    static final String IMAGE = "rabbitmq:4-management-alpine";

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

    private final Docker docker;
    private final Duration probeTimeout;

    DevBroker(Docker docker, Duration probeTimeout) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
    }

    /** The dev service with Testcontainers. */
    static DevBroker withTestcontainers() {
        return new DevBroker(new TestcontainersDocker(), Duration.ofSeconds(2));
    }

    /**
     * Makes sure a RabbitMQ answers for these settings.
     *
     * @return the container it started, empty when an existing broker is used
     * @throws DevBrokerException saying what to do when no RabbitMQ can be had
     */
    Optional<Container> ensure(Settings settings) throws DevBrokerException {
        if (settings.find(AmqpSettings.URL).isPresent()) {
            LOG.info("dev: ASYNCWORKER_AMQP_URL is set ({}); using that broker, no dev broker started",
                    settings.describe().get(AmqpSettings.URL.name()));
            return Optional.empty();
        }
        String where = settings.get(AmqpSettings.HOST) + ":" + settings.get(AmqpSettings.PORT);
        AmqpProbe.Answer answer = AmqpProbe.probe(settings.get(AmqpSettings.HOST), settings.get(AmqpSettings.PORT), probeTimeout);
        return switch (answer.kind()) {
            case RABBITMQ -> {
                LOG.info("dev: {} answers on {}; using it, no dev broker started", answer.detail(), where);
                yield Optional.empty();
            }
            case NOT_RABBITMQ -> throw new DevBrokerException("something answers on " + where
                    + " but it is not RabbitMQ (" + answer.detail() + "); asyncworker will not use it. "
                    + "Stop it, or point ASYNCWORKER_AMQP_URL (or ASYNCWORKER_AMQP_HOST/_PORT) at a RabbitMQ.");
            case NOTHING -> Optional.of(startContainer(settings.get(AmqpSettings.HOST), where, answer.detail()));
        };
    }

    /** Whether a host names this machine; a dev broker only ever stands in for a local one. */
    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    private Container startContainer(String host, String where, String why) throws DevBrokerException {
        if (!isLocal(host)) {
            throw new DevBrokerException(remoteIsDown(where, why));
        }
        if (!docker.available()) {
            throw new DevBrokerException(instructions(where, why));
        }
        LOG.info("dev: nothing answers on {} ({}); starting RabbitMQ in Docker ({})", where, why, IMAGE);
        Container container;
        try {
            container = docker.start(IMAGE);
        } catch (Exception e) {
            throw new DevBrokerException("dev: could not start RabbitMQ in Docker (" + IMAGE + "): " + e
                    + "\n" + instructions(where, why));
        }
        System.setProperty(AmqpSettings.URL.name(), container.amqpUrl());
        LOG.info("dev: RabbitMQ is up in Docker at {} (management UI {}, guest/guest); "
                + "ASYNCWORKER_AMQP_URL points at it until this process exits", container.amqpUrl(), container.managementUrl());
        return container;
    }

    static String remoteIsDown(String where, String why) {
        return "dev: nothing answers on " + where + " (" + why + "), the broker that ASYNCWORKER_AMQP_HOST names. "
                + "A dev broker only stands in for one on this machine, never for another host: start that broker, "
                + "point ASYNCWORKER_AMQP_URL at one that runs, or unset ASYNCWORKER_AMQP_HOST to use (or start) "
                + "a local RabbitMQ.";
    }

    static String instructions(String where, String why) {
        return "dev: no RabbitMQ answers on " + where + " (" + why + "), ASYNCWORKER_AMQP_URL is not set "
                + "and no Docker engine is available to start one. Do one of:\n"
                + "  - point the worker at a broker: export ASYNCWORKER_AMQP_URL=amqp://user:password@host:5672/vhost\n"
                + "  - install and start RabbitMQ here, e.g. `sudo apt-get install rabbitmq-server` "
                + "then `rabbitmq-server -detached` (macOS: `brew services start rabbitmq`)\n"
                + "  - start Docker, and --dev runs " + IMAGE + " for you";
    }
}
