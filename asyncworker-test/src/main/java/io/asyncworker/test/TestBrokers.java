package io.asyncworker.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * The RabbitMQ broker of a test JVM, chosen once: {@code ASYNCWORKER_TEST_AMQP_URL} when set, else
 * the local broker on 127.0.0.1:5672 when it answers, else a Testcontainers RabbitMQ when a Docker
 * engine runs. With none of them, {@link #amqpUrl()} throws saying what to do: broker tests fail
 * loudly, they never skip.
 *
 * <p>Thread-safe; the container, if any, lives as long as the JVM.
 */
public final class TestBrokers {
    /** The image used when a container is started. */
    public static final String IMAGE = "rabbitmq:3.13-management";

    private static volatile Broker broker;

    private TestBrokers() {
    }

    private sealed interface Broker permits Given, Local, Contained {
        String url();
    }

    private record Given(String url) implements Broker {
    }

    private record Local(String url) implements Broker {
    }

    private record Contained(String url, RabbitMQContainer container) implements Broker {
    }

    /**
     * {@return the broker's URL, {@code amqp://user:pass@host:port/vhost}}
     *
     * @throws IllegalStateException when no broker can be had, saying how to provide one
     */
    public static String amqpUrl() {
        return broker().url();
    }

    /**
     * {@return the URL with another virtual host}
     *
     * @param vhost the virtual host
     */
    public static String amqpUrl(String vhost) {
        return amqpUrl().replaceAll("/[^/@]*$", "/" + java.net.URLEncoder.encode(vhost, StandardCharsets.UTF_8));
    }

    /**
     * Host and port of the broker, as in the URL.
     *
     * @return an {@code amqp://host:port} URI
     */
    public static URI amqpUri() {
        return URI.create(amqpUrl());
    }

    private static Broker broker() {
        Broker b = broker;
        if (b == null) {
            synchronized (TestBrokers.class) {
                if (broker == null) {
                    broker = choose();
                }
                b = broker;
            }
        }
        return b;
    }

    private static Broker choose() {
        String env = System.getenv("ASYNCWORKER_TEST_AMQP_URL");
        if (env != null && !env.isBlank()) {
            return new Given(env.trim());
        }
        if (answers("127.0.0.1", 5672)) {
            return new Local("amqp://guest:guest@127.0.0.1:5672/%2F");
        }
        if (dockerAvailable()) {
            RabbitMQContainer c = new RabbitMQContainer(IMAGE);
            c.start();
            return new Contained(c.getAmqpUrl() + "/%2F", c);
        }
        throw new IllegalStateException("no RabbitMQ for the broker tests: ASYNCWORKER_TEST_AMQP_URL is not set, "
                + "nothing answers on 127.0.0.1:5672, and no Docker engine is available for Testcontainers. "
                + "Start a broker (rabbitmq-server -detached), or set ASYNCWORKER_TEST_AMQP_URL=amqp://user:pass@host:port/vhost");
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

    /**
     * Runs {@code rabbitmqctl} against the test broker, for fault injection and for reading the
     * broker's own counts: the local command for the local broker, inside the container for a
     * Testcontainers broker.
     *
     * @param args the command line arguments
     * @return the command's output
     * @throws IllegalStateException when the broker is remote (given by URL), or the command fails
     */
    public static String rabbitmqctl(String... args) {
        Broker b = broker();
        List<String> cmd = new ArrayList<>(List.of("rabbitmqctl"));
        cmd.addAll(List.of(args));
        return switch (b) {
            case Local l -> runLocal(cmd);
            case Contained c -> runInContainer(c.container(), cmd);
            case Given g -> throw new IllegalStateException("rabbitmqctl " + String.join(" ", args)
                    + " needs the local or a Testcontainers broker; ASYNCWORKER_TEST_AMQP_URL points at a remote one");
        };
    }

    private static String runLocal(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl is needed for this test (fault injection): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String runInContainer(RabbitMQContainer c, List<String> cmd) {
        try {
            Container.ExecResult r = c.execInContainer(cmd.toArray(String[]::new));
            if (r.getExitCode() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.getStdout() + r.getStderr());
            }
            return r.getStdout();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed in the container: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
