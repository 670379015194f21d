package io.asyncworker.rabbitmq;

import io.asyncworker.Setting;
import io.asyncworker.rabbitmq.internal.AmqpUri;
import java.time.Duration;
import java.util.List;

/**
 * The RabbitMQ backend's {@code ASYNCWORKER_AMQP_*} settings, read by
 * {@link AmqpConnection#fromEnv()} and validated with every other setting when settings are created.
 *
 * <pre>{@code
 * Settings s = Settings.fromEnv().with(AmqpSettings.PREFETCH, "500");
 * }</pre>
 */
public final class AmqpSettings {
    /** {@code amqp://user:pass@host:port/vhost}; overrides host, port, credentials and vhost. */
    public static final Setting<String> URL = Setting.of("ASYNCWORKER_AMQP_URL", null, AmqpSettings::url).urlWithPassword();
    /** Broker host. */
    public static final Setting<String> HOST = Setting.text("ASYNCWORKER_AMQP_HOST", "127.0.0.1");
    /** Broker port. */
    public static final Setting<Integer> PORT = Setting.integer("ASYNCWORKER_AMQP_PORT", 5672, 1, 65535);
    /** Broker user. */
    public static final Setting<String> USERNAME = Setting.text("ASYNCWORKER_AMQP_USERNAME", "guest");
    /** Broker password; never printed. */
    public static final Setting<String> PASSWORD = Setting.of("ASYNCWORKER_AMQP_PASSWORD", "guest", raw -> raw).secret();
    /** Virtual host. */
    public static final Setting<String> VHOST = Setting.text("ASYNCWORKER_AMQP_VHOST", "/");
    /** {@code basic.qos} per channel. */
    public static final Setting<Integer> PREFETCH = Setting.integer("ASYNCWORKER_AMQP_PREFETCH", 128, 1, 65535);
    /** AMQP heartbeat; zero disables it. */
    public static final Setting<Duration> HEARTBEAT = Setting.duration("ASYNCWORKER_AMQP_HEARTBEAT", "60");

    /** Every setting of the backend, in the README's order. */
    public static final List<Setting<?>> ALL = List.of(URL, HOST, PORT, USERNAME, PASSWORD, VHOST, PREFETCH, HEARTBEAT);

    private AmqpSettings() {
    }

    private static String url(String raw) {
        try {
            AmqpUri.parse(raw.trim());
            return raw.trim();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected amqp://user:pass@host:port/vhost (" + e.getMessage() + ")");
        }
    }
}
