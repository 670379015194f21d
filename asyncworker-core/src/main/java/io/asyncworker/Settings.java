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
    /** Default flush timeout of every batched route: {@value}. */
    String FLUSH_TIMEOUT = "ASYNCWORKER_FLUSH_TIMEOUT";
    /** Broker URL, overriding host, port, credentials and vhost: {@value}. */
    String AMQP_URL = "ASYNCWORKER_AMQP_URL";
    /** Broker host: {@value}. */
    String AMQP_HOST = "ASYNCWORKER_AMQP_HOST";
    /** Broker port: {@value}. */
    String AMQP_PORT = "ASYNCWORKER_AMQP_PORT";
    /** Broker user: {@value}. */
    String AMQP_USERNAME = "ASYNCWORKER_AMQP_USERNAME";
    /** Broker password, never printed: {@value}. */
    String AMQP_PASSWORD = "ASYNCWORKER_AMQP_PASSWORD";
    /** Broker virtual host: {@value}. */
    String AMQP_VHOST = "ASYNCWORKER_AMQP_VHOST";
    /** {@code basic.qos} per channel: {@value}. */
    String AMQP_PREFETCH = "ASYNCWORKER_AMQP_PREFETCH";
    /** AMQP heartbeat: {@value}. */
    String AMQP_HEARTBEAT = "ASYNCWORKER_AMQP_HEARTBEAT";
    /** HTTP bind address: {@value}. */
    String HTTP_HOST = "ASYNCWORKER_HTTP_HOST";
    /** HTTP port, {@code 0} for a free one: {@value}. */
    String HTTP_PORT = "ASYNCWORKER_HTTP_PORT";
    /** Whether to serve Prometheus metrics: {@value}. */
    String METRICS_ENABLED = "ASYNCWORKER_METRICS_ENABLED";
    /** Metrics path: {@value}. */
    String METRICS_PATH = "ASYNCWORKER_METRICS_PATH";
    /** Health path: {@value}. */
    String HEALTH_PATH = "ASYNCWORKER_HEALTH_PATH";
    /** Graceful-stop budget: {@value}. */
    String SHUTDOWN_TIMEOUT = "ASYNCWORKER_SHUTDOWN_TIMEOUT";
    /** Framework log level: {@value}. */
    String LOG_LEVEL = "ASYNCWORKER_LOG_LEVEL";
    /** Whether dev services may start: {@value}. */
    String DEV = "ASYNCWORKER_DEV";

    /**
     * Reads the process environment; a Java system property of the same name
     * ({@code -DASYNCWORKER_HTTP_PORT=0}) takes precedence over the environment variable. An
     * {@code ASYNCWORKER_*} name that no setting reads is logged as a warning, with the closest
     * known name (a typo would otherwise be silently ignored).
     *
     * @return the settings, validated
     */
    static Settings fromEnv() {
        java.util.Set<String> names = new java.util.TreeSet<>(System.getenv().keySet());
        names.addAll(System.getProperties().stringPropertyNames());
        UnknownNames.describe(names).forEach(org.slf4j.LoggerFactory.getLogger(Settings.class)::warn);
        return from(name -> System.getProperty(name, System.getenv(name)));
    }

    /**
     * Reads through a lookup function that returns {@code null} for unset variables.
     *
     * @param lookup the lookup function, returning {@code null} for an unset variable
     * @return the settings, validated
     */
    static Settings from(Function<String, String> lookup) {
        return EnvSettings.from(lookup);
    }

    /**
     * Reads from a map, e.g. in tests.
     *
     * @param values the variables and their values
     * @return the settings, validated
     */
    static Settings from(Map<String, String> values) {
        return from(Map.copyOf(values)::get);
    }

    /**
     * {@return a copy with one variable set in code; validated at once}
     *
     * @param variable the variable's name
     * @param value the value, validated as the environment's would be
     * @throws IllegalArgumentException when the variable is unknown or the value is invalid
     */
    Settings with(String variable, String value);

    /**
     * Default flush timeout of every batched route.
     *
     * @return the default flush timeout
     */
    Duration flushTimeout();

    /** {@return the broker URL, which overrides host, port, credentials and vhost when present} */
    Optional<String> amqpUrl();

    /** {@return the broker host} */
    String amqpHost();

    /** {@return the broker port} */
    int amqpPort();

    /** {@return the broker user} */
    String amqpUsername();

    /** {@return the broker password} */
    String amqpPassword();

    /** {@return the broker's virtual host} */
    String amqpVhost();

    /** {@return {@code basic.qos} per channel} */
    int amqpPrefetch();

    /**
     * AMQP heartbeat; zero disables it.
     *
     * @return the AMQP heartbeat
     */
    Duration amqpHeartbeat();

    /** {@return the HTTP bind address} */
    String httpHost();

    /**
     * HTTP port; zero picks a free one.
     *
     * @return the HTTP port
     */
    int httpPort();

    /** {@return whether Prometheus metrics are served} */
    boolean metricsEnabled();

    /** {@return the metrics path} */
    String metricsPath();

    /** {@return the health path} */
    String healthPath();

    /** {@return the graceful-stop budget} */
    Duration shutdownTimeout();

    /** {@return the framework log level, one of TRACE, DEBUG, INFO, WARN, ERROR, OFF} */
    String logLevel();

    /** {@return whether dev services (a throw-away broker) may be started} */
    boolean dev();

    /**
     * {@return where a variable's effective value came from}
     *
     * @param variable the variable's name
     */
    Origin origin(String variable);

    /** {@return every variable's effective value, secrets masked, in table order} */
    Map<String, String> describe();
}
