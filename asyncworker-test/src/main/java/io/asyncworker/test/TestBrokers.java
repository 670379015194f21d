package io.asyncworker.test;

import io.asyncworker.test.internal.BrokerUrl;
import io.asyncworker.test.internal.ChosenBroker;
import io.asyncworker.test.internal.VhostAdmin;
import java.net.URI;

/**
 * The RabbitMQ broker of a test JVM, chosen once: {@code ASYNCWORKER_TEST_AMQP_URL} when set, else
 * the local broker on 127.0.0.1:5672 when it answers, else a Testcontainers RabbitMQ when a Docker
 * engine runs. With none of them, {@link #amqpUrl()} throws saying what to do: broker tests fail
 * loudly, they never skip. {@link RabbitMqExtension} builds on it; use this class directly for what
 * the extension does not do (fault injection with {@code rabbitmqctl}, a vhost of one test's own).
 *
 * <p>Thread-safe; the container, if any, lives as long as the JVM.
 */
public final class TestBrokers {
    /** The image used when a container is started. */
    public static final String IMAGE = ChosenBroker.IMAGE;

    private TestBrokers() {
    }

    /**
     * {@return the broker's URL, {@code amqp://user:pass@host:port/vhost}}
     *
     * @throws IllegalStateException when no broker can be had, saying how to provide one
     */
    public static String amqpUrl() {
        return ChosenBroker.get().url();
    }

    /**
     * {@return the URL with another virtual host}
     *
     * @param vhost the virtual host
     * @throws IllegalStateException when no broker can be had
     */
    public static String amqpUrl(String vhost) {
        return BrokerUrl.parse(amqpUrl()).withVhost(vhost);
    }

    /**
     * {@return the broker's URL as a URI}
     *
     * @throws IllegalStateException when no broker can be had
     */
    public static URI amqpUri() {
        return URI.create(amqpUrl());
    }

    /**
     * Runs {@code rabbitmqctl} against the test broker, for fault injection and for reading the
     * broker's own counts: the local command for the local broker, inside the container for a
     * Testcontainers broker.
     *
     * @param args the command line arguments
     * @return the command's output
     * @throws IllegalStateException when the broker is given by URL, or the command fails
     */
    public static String rabbitmqctl(String... args) {
        return ChosenBroker.get().rabbitmqctl(args);
    }

    /**
     * Creates a vhost that the URL's user may use, through the management API or {@code rabbitmqctl}
     * (see {@link RabbitMqExtension}).
     *
     * @param vhost the vhost's name
     * @throws IllegalStateException when the broker offers neither, or refuses
     */
    public static void createVhost(String vhost) {
        admin("create vhost " + vhost).create(vhost, BrokerUrl.parse(amqpUrl()).user());
    }

    /**
     * Deletes a vhost with everything in it; nothing happens when it does not exist.
     *
     * @param vhost the vhost's name
     * @throws IllegalStateException when the broker offers no way to delete vhosts, or refuses
     */
    public static void deleteVhost(String vhost) {
        admin("delete vhost " + vhost).delete(vhost);
    }

    /**
     * {@return whether the vhost exists}
     *
     * @param vhost the vhost's name
     * @throws IllegalStateException when the broker offers no way to list vhosts
     */
    public static boolean vhostExists(String vhost) {
        return admin("look up vhost " + vhost).exists(vhost);
    }

    private static VhostAdmin admin(String what) {
        return ChosenBroker.get().vhosts().orElseThrow(() -> new IllegalStateException("cannot " + what + ": the test "
                + "broker answers neither on its HTTP management API (set " + ChosenBroker.MANAGEMENT_VARIABLE
                + ") nor to rabbitmqctl"));
    }
}
