package io.asyncworker.http;

import io.asyncworker.Setting;
import java.util.List;

/**
 * The HTTP backend's {@code ASYNCWORKER_HTTP_*}, metrics and health settings, validated with every
 * other setting when settings are created.
 *
 * <pre>{@code
 * App app = App.create(Settings.fromEnv().with(HttpSettings.PORT, "0"));   // a free port
 * }</pre>
 */
public final class HttpSettings {
    /** The bind address. */
    public static final Setting<String> HOST = Setting.text("ASYNCWORKER_HTTP_HOST", "127.0.0.1");
    /** The port; {@code 0} picks a free one. */
    public static final Setting<Integer> PORT = Setting.integer("ASYNCWORKER_HTTP_PORT", 8080, 0, 65535);
    /** Whether {@code /metrics} serves Prometheus metrics (which also starts the server without routes). */
    public static final Setting<Boolean> METRICS_ENABLED = Setting.bool("ASYNCWORKER_METRICS_ENABLED", true);
    /** The metrics path. */
    public static final Setting<String> METRICS_PATH = Setting.path("ASYNCWORKER_METRICS_PATH", "/metrics");
    /** The health path. */
    public static final Setting<String> HEALTH_PATH = Setting.path("ASYNCWORKER_HEALTH_PATH", "/health");

    /** Every setting of the backend, in the README's order. */
    public static final List<Setting<?>> ALL = List.of(HOST, PORT, METRICS_ENABLED, METRICS_PATH, HEALTH_PATH);

    private HttpSettings() {
    }
}
