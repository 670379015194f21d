package io.asyncworker.http;

import io.asyncworker.Setting;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP backend's {@code ASYNCWORKER_HTTP_*}, metrics and health settings, validated with every
 * other setting when settings are created.
 *
 * <pre>{@code
 * App app = App.create(Settings.fromEnv().with(HttpSettings.PORT, "0"));   // a free port
 * }</pre>
 *
 * <p>The limits protect the server from slow and hostile clients: a request head must arrive
 * within {@link #HEADER_TIMEOUT} of its first byte (or of connecting), the whole request within
 * {@link #REQUEST_TIMEOUT}; a connection with no request in progress is closed after
 * {@link #IDLE_TIMEOUT}; connections beyond {@link #MAX_CONNECTIONS} are closed at once. The time
 * a handler takes is not limited by any of them.
 *
 * <p>Constants only; thread-safe.
 */
public final class HttpSettings {
    /** The bind address. */
    public static final Setting<String> HOST = Setting.text("ASYNCWORKER_HTTP_HOST", "127.0.0.1");
    /** The port; {@code 0} picks a free one. */
    public static final Setting<Integer> PORT = Setting.integer("ASYNCWORKER_HTTP_PORT", 8080, 0, 65535);
    /** How long a keep-alive connection may wait for its next request before it is closed. */
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.positiveDuration("ASYNCWORKER_HTTP_IDLE_TIMEOUT", "60");
    /** How long a request head (request line and headers) may take from its first byte, or from connecting. */
    public static final Setting<Duration> HEADER_TIMEOUT = Setting.positiveDuration("ASYNCWORKER_HTTP_HEADER_TIMEOUT", "10");
    /** How long a whole request (head and body) may take to arrive from its first byte. */
    public static final Setting<Duration> REQUEST_TIMEOUT = Setting.positiveDuration("ASYNCWORKER_HTTP_REQUEST_TIMEOUT", "60");
    /** How many connections may be open at once; more are closed as soon as they are accepted. */
    public static final Setting<Integer> MAX_CONNECTIONS =
            Setting.integer("ASYNCWORKER_HTTP_MAX_CONNECTIONS", 1000, 1, 1_000_000);
    /** The longest request line (method, target, version) in bytes; longer ones are answered {@code 414}. */
    public static final Setting<Integer> MAX_REQUEST_LINE =
            Setting.integer("ASYNCWORKER_HTTP_MAX_REQUEST_LINE", 4096, 256, 1024 * 1024);
    /** The most bytes all header lines of a request may take; more is answered {@code 431}. */
    public static final Setting<Integer> MAX_HEADER_SIZE =
            Setting.integer("ASYNCWORKER_HTTP_MAX_HEADER_SIZE", 8192, 1024, 1024 * 1024);
    /** Whether {@code /metrics} serves Prometheus metrics (which also starts the server without routes). */
    public static final Setting<Boolean> METRICS_ENABLED = Setting.bool("ASYNCWORKER_METRICS_ENABLED", true);
    /** The metrics path. */
    public static final Setting<String> METRICS_PATH = Setting.path("ASYNCWORKER_METRICS_PATH", "/metrics");
    /** Whether {@code /metrics} also carries JVM and process meters (memory, GC, threads, CPU, uptime, files). */
    public static final Setting<Boolean> METRICS_JVM = Setting.bool("ASYNCWORKER_METRICS_JVM", true);
    /** The health path; the liveness and readiness probes are served at {@code <path>/live} and {@code <path>/ready}. */
    public static final Setting<String> HEALTH_PATH = Setting.path("ASYNCWORKER_HEALTH_PATH", "/health");

    /** Every setting of the backend, in the README's order. */
    public static final List<Setting<?>> ALL = List.of(HOST, PORT, IDLE_TIMEOUT, HEADER_TIMEOUT, REQUEST_TIMEOUT,
            MAX_CONNECTIONS, MAX_REQUEST_LINE, MAX_HEADER_SIZE, METRICS_ENABLED, METRICS_PATH, METRICS_JVM, HEALTH_PATH);

    private HttpSettings() {
    }
}
