package io.asyncworker;

import io.asyncworker.internal.settings.EnvSettings;
import io.asyncworker.internal.settings.UnknownNames;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The framework's settings, read once from {@code ASYNCWORKER_*} variables through a lookup
 * function and overridable in code.
 *
 * <p>Every option has a default and a validation; creating settings collects every problem and
 * throws one {@link IllegalArgumentException} naming each bad variable and its value (secrets are
 * masked). Durations accept {@code 60} (seconds), {@code 500ms}, {@code 2s}, {@code 1m},
 * {@code 1h}. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Settings s = Settings.from(Map.of("ASYNCWORKER_FLUSH_TIMEOUT", "2s")::get)
 *         .with(Settings.HTTP_PORT, "0");
 * }</pre>
 */
public interface Settings {
    String FLUSH_TIMEOUT = "ASYNCWORKER_FLUSH_TIMEOUT";
    String AMQP_URL = "ASYNCWORKER_AMQP_URL";
    String AMQP_HOST = "ASYNCWORKER_AMQP_HOST";
    String AMQP_PORT = "ASYNCWORKER_AMQP_PORT";
    String AMQP_USERNAME = "ASYNCWORKER_AMQP_USERNAME";
    String AMQP_PASSWORD = "ASYNCWORKER_AMQP_PASSWORD";
    String AMQP_VHOST = "ASYNCWORKER_AMQP_VHOST";
    String AMQP_PREFETCH = "ASYNCWORKER_AMQP_PREFETCH";
    String AMQP_HEARTBEAT = "ASYNCWORKER_AMQP_HEARTBEAT";
    String HTTP_HOST = "ASYNCWORKER_HTTP_HOST";
    String HTTP_PORT = "ASYNCWORKER_HTTP_PORT";
    String METRICS_ENABLED = "ASYNCWORKER_METRICS_ENABLED";
    String METRICS_PATH = "ASYNCWORKER_METRICS_PATH";
    String HEALTH_PATH = "ASYNCWORKER_HEALTH_PATH";
    String SHUTDOWN_TIMEOUT = "ASYNCWORKER_SHUTDOWN_TIMEOUT";
    String LOG_LEVEL = "ASYNCWORKER_LOG_LEVEL";
    String DEV = "ASYNCWORKER_DEV";

    /**
     * Reads the process environment; a Java system property of the same name
     * ({@code -DASYNCWORKER_HTTP_PORT=0}) takes precedence over the environment variable. An
     * {@code ASYNCWORKER_*} name that no setting reads is logged as a warning, with the closest
     * known name (a typo would otherwise be silently ignored).
     */
    static Settings fromEnv() {
        java.util.Set<String> names = new java.util.TreeSet<>(System.getenv().keySet());
        names.addAll(System.getProperties().stringPropertyNames());
        UnknownNames.describe(names).forEach(org.slf4j.LoggerFactory.getLogger(Settings.class)::warn);
        return from(name -> System.getProperty(name, System.getenv(name)));
    }

    /** Reads through a lookup function that returns {@code null} for unset variables. */
    static Settings from(Function<String, String> lookup) {
        return EnvSettings.from(lookup);
    }

    /** Reads from a map, e.g. in tests. */
    static Settings from(Map<String, String> values) {
        return from(Map.copyOf(values)::get);
    }

    /**
     * A copy with one variable set in code; validated at once.
     *
     * @throws IllegalArgumentException when the variable is unknown or the value is invalid
     */
    Settings with(String variable, String value);

    /** Default flush timeout of every batched route. */
    Duration flushTimeout();

    /** The broker URL, which overrides host, port, credentials and vhost when present. */
    Optional<String> amqpUrl();

    String amqpHost();

    int amqpPort();

    String amqpUsername();

    String amqpPassword();

    String amqpVhost();

    /** {@code basic.qos} per channel. */
    int amqpPrefetch();

    /** AMQP heartbeat; zero disables it. */
    Duration amqpHeartbeat();

    String httpHost();

    /** HTTP port; zero picks a free one. */
    int httpPort();

    boolean metricsEnabled();

    String metricsPath();

    String healthPath();

    /** The graceful-stop budget. */
    Duration shutdownTimeout();

    /** The framework log level, one of TRACE, DEBUG, INFO, WARN, ERROR, OFF. */
    String logLevel();

    /** Whether dev services (a throw-away broker) may be started. */
    boolean dev();

    /** Where a variable's effective value came from. */
    Origin origin(String variable);

    /** Every variable's effective value, secrets masked, in table order. */
    Map<String, String> describe();
}
