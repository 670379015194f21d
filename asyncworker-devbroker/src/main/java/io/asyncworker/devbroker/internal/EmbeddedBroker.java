package io.asyncworker.devbroker.internal;

import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.spi.DevService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMQP 0-9-1 broker in this JVM: Apache Qpid Broker-J with in-memory stores, listening on a
 * free port of 127.0.0.1 only, user guest/guest, one virtual host that the default {@code /}
 * reaches. It is not RabbitMQ ({@link #LIMITS}); {@code EmbeddedBrokerIT} checks what it does.
 *
 * <p>Started and closed on the command's thread; {@link #close()} waits for the broker to stop.
 */
final class EmbeddedBroker implements DevService.Running {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String CONFIG = "embedded-broker.json";
    private static final String QPID_POM = "META-INF/maven/org.apache.qpid/qpid-broker-core/pom.properties";

    /** What differs from RabbitMQ, for the log and the docs; EmbeddedBrokerIT proves each point. */
    static final String LIMITS = "It refuses dead-lettering (x-dead-letter-*) and quorum-queue (x-queue-type) "
            + "arguments, sets no x-delivery-count, nacks an unroutable mandatory message besides returning it, "
            + "and a basic.nack of several messages (multiple=true) settles only the last; the others come back "
            + "when the channel closes. "
            + "For those, run RabbitMQ and set ASYNCWORKER_AMQP_URL.";

    private final SystemLauncher launcher;
    private final Path workDir;
    private final int port;
    private final String version;

    private EmbeddedBroker(SystemLauncher launcher, Path workDir, int port, String version) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.port = port;
        this.version = version;
    }

    /** Starts a broker and returns it once it listens. */
    static EmbeddedBroker start() throws Exception {
        Path workDir = Files.createTempDirectory("asyncworker-dev-broker-");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Qpid finds its plugins through the context class loader, and its threads inherit it
        thread.setContextClassLoader(EmbeddedBroker.class.getClassLoader());
        try {
            return launch(workDir);
        } catch (Exception | Error e) {
            delete(workDir);
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static EmbeddedBroker launch(Path workDir) throws Exception {
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> config) {
                system.set(config);
            }

            @Override
            public void errorOnStartup(RuntimeException e) {
                failure.set(e);
            }
        });
        launcher.startup(attributes(workDir));
        if (failure.get() != null) {
            throw failure.get();
        }
        Broker<?> broker = (Broker<?>) Objects.requireNonNull(system.get(), "the broker did not start")
                .getContainer(Broker.class);
        keepUntilClosed(broker);
        return new EmbeddedBroker(launcher, workDir, boundPort(broker), version(broker));
    }

    private static Map<String, Object> attributes(Path workDir) {
        URL config = Objects.requireNonNull(EmbeddedBroker.class.getResource(CONFIG), CONFIG);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ConfiguredObject.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toExternalForm());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, Boolean.FALSE);
        // without a delivery limit, Qpid requeues what basic.reject/nack(requeue=false) reject: with 1, it drops it
        attributes.put(ConfiguredObject.CONTEXT, Map.of("qpid.work_dir", workDir.toString(),
                "queue.maximumDeliveryAttempts", "1"));
        return attributes;
    }

    private static int boundPort(Broker<?> broker) {
        return broker.getPorts().stream().map(Port::getBoundPort).filter(p -> p > 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("the embedded broker listens on no port"));
    }

    /** Qpid's version: its manifest's, which a shaded jar replaces, else its Maven properties'. */
    private static String version(Broker<?> broker) {
        String version = broker.getProductVersion();
        if (version != null && !version.contains("${")) {
            return version;
        }
        Properties pom = new Properties();
        try (InputStream in = Broker.class.getResourceAsStream("/" + QPID_POM)) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            LOG.debug("cannot read {}", QPID_POM, e);
        }
        return pom.getProperty("version", "(unknown version)");
    }

    /**
     * Removes Qpid's own JVM shutdown hook: on SIGTERM it would close the broker while the app still
     * drains and settles its batches. The command closes the broker after the app stopped.
     */
    private static void keepUntilClosed(Broker<?> broker) {
        try {
            Field hook = broker.getClass().getDeclaredField("_shutdownHook");
            hook.setAccessible(true);
            Runtime.getRuntime().removeShutdownHook((Thread) hook.get(broker));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("the embedded broker keeps its shutdown hook; a signal may close it before the app stopped", e);
        }
    }

    /** The broker's AMQP URL, credentials included (guest/guest, loopback only). */
    String url() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(AmqpSettings.URL.name(), url());
    }

    @Override
    public String description() {
        return "embedded AMQP 0-9-1 broker in this JVM at " + url() + " (Apache Qpid Broker-J " + version
                + ", in memory, 127.0.0.1 only; not RabbitMQ)";
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("dev: the embedded broker did not stop cleanly: {}", e.toString());
        } finally {
            delete(workDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}", dir, e);
        }
    }
}
