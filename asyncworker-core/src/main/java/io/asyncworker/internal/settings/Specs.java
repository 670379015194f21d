package io.asyncworker.internal.settings;

import static io.asyncworker.Settings.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table of every {@code ASYNCWORKER_*} variable, in README order. */
final class Specs {
    static final List<Spec> ALL = List.of(
            Spec.of(FLUSH_TIMEOUT, "60", Parsers::positiveDuration),
            Spec.of(AMQP_URL, null, Parsers::amqpUrl).urlWithPassword(),
            Spec.of(AMQP_HOST, "127.0.0.1", Parsers::text),
            Spec.of(AMQP_PORT, "5672", Parsers.integer(1, 65535)),
            Spec.of(AMQP_USERNAME, "guest", Parsers::text),
            Spec.of(AMQP_PASSWORD, "guest", raw -> raw).secret(),
            Spec.of(AMQP_VHOST, "/", Parsers::text),
            Spec.of(AMQP_PREFETCH, "128", Parsers.integer(1, 65535)),
            Spec.of(AMQP_HEARTBEAT, "60", Parsers::duration),
            Spec.of(HTTP_HOST, "127.0.0.1", Parsers::text),
            Spec.of(HTTP_PORT, "8080", Parsers.integer(0, 65535)),
            Spec.of(METRICS_ENABLED, "true", Parsers::bool),
            Spec.of(METRICS_PATH, "/metrics", Parsers::path),
            Spec.of(HEALTH_PATH, "/health", Parsers::path),
            Spec.of(SHUTDOWN_TIMEOUT, "30", Parsers::duration),
            Spec.of(LOG_LEVEL, "INFO", Parsers::logLevel),
            Spec.of(DEV, "false", Parsers::bool));

    static final Map<String, Spec> BY_NAME = index();

    private Specs() {
    }

    private static Map<String, Spec> index() {
        Map<String, Spec> map = new LinkedHashMap<>();
        ALL.forEach(s -> map.put(s.name(), s));
        return Map.copyOf(map);
    }
}
