package io.asyncworker.internal.settings;

import io.asyncworker.Origin;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@link Settings} over a lookup function, parsed and validated once. */
public final class EnvSettings implements Settings {
    private final Map<String, String> raw;
    private final Map<String, Object> values;
    private final Map<String, Origin> origins;

    private EnvSettings(Map<String, String> raw, Map<String, Object> values, Map<String, Origin> origins) {
        this.raw = raw;
        this.values = values;
        this.origins = origins;
    }

    /** Reads every variable through the lookup; throws once, naming every bad value. */
    public static EnvSettings from(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Map<String, String> raw = new HashMap<>();
        Map<String, Origin> origins = new HashMap<>();
        for (Spec spec : Specs.ALL) {
            String value = lookup.apply(spec.name());
            boolean set = value != null && !value.isEmpty();
            origins.put(spec.name(), set ? Origin.ENVIRONMENT : Origin.DEFAULT);
            if (set || spec.defaultRaw() != null) {
                raw.put(spec.name(), set ? value : spec.defaultRaw());
            }
        }
        return parse(raw, origins);
    }

    private static EnvSettings parse(Map<String, String> raw, Map<String, Origin> origins) {
        Map<String, Object> values = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Spec spec : Specs.ALL) {
            String text = raw.get(spec.name());
            if (text == null) {
                continue;
            }
            try {
                values.put(spec.name(), spec.parser().parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(spec.name() + "='" + spec.show(text) + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid asyncworker settings: " + String.join("; ", problems));
        }
        return new EnvSettings(Map.copyOf(raw), Map.copyOf(values), Map.copyOf(origins));
    }

    @Override
    public Settings with(String variable, String value) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
        if (!Specs.BY_NAME.containsKey(variable)) {
            throw new IllegalArgumentException("unknown setting " + variable + "; known: " + Specs.BY_NAME.keySet());
        }
        Map<String, String> newRaw = new HashMap<>(raw);
        newRaw.put(variable, value);
        Map<String, Origin> newOrigins = new HashMap<>(origins);
        newOrigins.put(variable, Origin.CODE);
        return parse(newRaw, newOrigins);
    }

    @SuppressWarnings("unchecked")
    private <T> T value(String name) {
        return (T) values.get(name);
    }

    @Override public Duration flushTimeout() { return value(FLUSH_TIMEOUT); }
    @Override public Optional<String> amqpUrl() { return Optional.ofNullable(value(AMQP_URL)); }
    @Override public String amqpHost() { return value(AMQP_HOST); }
    @Override public int amqpPort() { return value(AMQP_PORT); }
    @Override public String amqpUsername() { return value(AMQP_USERNAME); }
    @Override public String amqpPassword() { return value(AMQP_PASSWORD); }
    @Override public String amqpVhost() { return value(AMQP_VHOST); }
    @Override public int amqpPrefetch() { return value(AMQP_PREFETCH); }
    @Override public Duration amqpHeartbeat() { return value(AMQP_HEARTBEAT); }
    @Override public String httpHost() { return value(HTTP_HOST); }
    @Override public int httpPort() { return value(HTTP_PORT); }
    @Override public boolean metricsEnabled() { return value(METRICS_ENABLED); }
    @Override public String metricsPath() { return value(METRICS_PATH); }
    @Override public String healthPath() { return value(HEALTH_PATH); }
    @Override public Duration shutdownTimeout() { return value(SHUTDOWN_TIMEOUT); }
    @Override public String logLevel() { return value(LOG_LEVEL); }
    @Override public boolean dev() { return value(DEV); }

    @Override
    public Origin origin(String variable) {
        Origin origin = origins.get(variable);
        if (origin == null) {
            throw new IllegalArgumentException("unknown setting " + variable);
        }
        return origin;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Spec spec : Specs.ALL) {
            String text = raw.get(spec.name());
            out.put(spec.name(), text == null ? "(unset)" : spec.show(text));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Settings" + describe();
    }
}
