package io.asyncworker;

import io.asyncworker.internal.settings.EnvSettings;
import io.asyncworker.internal.settings.UnknownNames;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The framework's settings, read once from {@code ASYNCWORKER_*} variables through a lookup
 * function and overridable in code.
 *
 * <p>The core declares the settings below; every backend on the class path declares its own
 * ({@link io.asyncworker.spi.BackendFactory#settings()}, e.g. {@code AmqpSettings},
 * {@code HttpSettings}). Creating settings parses and validates every known variable and throws one
 * {@link IllegalArgumentException} naming each bad variable and its value (secrets are masked).
 * Durations accept {@code 60} (seconds), {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}.
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Settings s = Settings.from(Map.of("ASYNCWORKER_FLUSH_TIMEOUT", "2s"))
 *         .with(Settings.SHUTDOWN_TIMEOUT, "10s");
 * Duration flush = s.get(Settings.FLUSH_TIMEOUT);
 * }</pre>
 */
public interface Settings {
    /** Default flush timeout of every batched route. */
    Setting<Duration> FLUSH_TIMEOUT = Setting.positiveDuration("ASYNCWORKER_FLUSH_TIMEOUT", "60");
    /** The graceful-stop budget. */
    Setting<Duration> SHUTDOWN_TIMEOUT = Setting.duration("ASYNCWORKER_SHUTDOWN_TIMEOUT", "30");
    /** The framework log level, one of TRACE, DEBUG, INFO, WARN, ERROR, OFF. */
    Setting<String> LOG_LEVEL = Setting.of("ASYNCWORKER_LOG_LEVEL", "INFO", io.asyncworker.internal.settings.Parsers::logLevel);
    /** Whether dev services (a throw-away broker) may be started. */
    Setting<Boolean> DEV = Setting.bool("ASYNCWORKER_DEV", false);

    /**
     * Reads the process environment; a Java system property of the same name
     * ({@code -DASYNCWORKER_HTTP_PORT=0}) takes precedence over the environment variable, and a
     * value set by a dev service ({@link io.asyncworker.spi.SettingsScope}) over both. An
     * {@code ASYNCWORKER_*} name that no setting reads is logged as a warning, with the closest
     * known name (a typo would otherwise be silently ignored).
     *
     * @return the settings of this process
     */
    static Settings fromEnv() {
        EnvSettings settings = EnvSettings.fromEnv();
        UnknownNames.describe(EnvSettings.environmentNames(), settings.known())
                .forEach(org.slf4j.LoggerFactory.getLogger(Settings.class)::warn);
        return settings;
    }

    /**
     * Reads through a lookup function that returns {@code null} for unset variables.
     *
     * @param lookup maps a variable's name to its value, or {@code null}
     * @return the settings
     */
    static Settings from(Function<String, String> lookup) {
        return EnvSettings.from(lookup);
    }

    /**
     * Reads from a map, e.g. in tests.
     *
     * @param values the variables that are set, by name
     * @return the settings
     */
    static Settings from(Map<String, String> values) {
        return from(Map.copyOf(values)::get);
    }

    /**
     * A copy with one variable set in code; validated at once.
     *
     * @param variable the variable's name, e.g. {@code ASYNCWORKER_FLUSH_TIMEOUT}
     * @param value the value as it would be written in the environment
     * @return a copy with the variable set; this one is unchanged
     * @throws IllegalArgumentException when the variable is unknown or the value is invalid
     */
    Settings with(String variable, String value);

    /**
     * {@link #with(String, String)} by setting.
     *
     * @param setting the setting whose variable to set
     * @param value the value as it would be written in the environment
     * @return a copy with the variable set; this one is unchanged
     */
    default Settings with(Setting<?> setting, String value) {
        return with(setting.name(), value);
    }

    /**
     * A copy that also reads and validates these settings, e.g. those of a backend given to
     * {@link App.Builder#backend} rather than found on the class path.
     *
     * @param settings the settings to read in addition
     * @return a copy that knows these settings too; this one is unchanged
     * @throws IllegalArgumentException naming every bad value
     */
    Settings including(Collection<Setting<?>> settings);

    /**
     * The value of a setting: its variable's, else its default.
     *
     * @param <T> the type of the value
     * @param setting the setting to read
     * @return the parsed value
     * @throws java.util.NoSuchElementException when the variable is unset and has no default
     * @throws IllegalArgumentException         when a setting unknown at creation has a bad value
     */
    <T> T get(Setting<T> setting);

    /**
     * The value of a setting, empty when it is unset and has no default.
     *
     * @param <T> the type of the value
     * @param setting the setting to read
     * @return the parsed value, or empty
     */
    <T> Optional<T> find(Setting<T> setting);

    /**
     * Default flush timeout of every batched route.
     *
     * @return the default flush timeout of every batched route ({@code ASYNCWORKER_FLUSH_TIMEOUT})
     */
    default Duration flushTimeout() {
        return get(FLUSH_TIMEOUT);
    }

    /**
     * The graceful-stop budget.
     *
     * @return the graceful-stop budget ({@code ASYNCWORKER_SHUTDOWN_TIMEOUT})
     */
    default Duration shutdownTimeout() {
        return get(SHUTDOWN_TIMEOUT);
    }

    /** {@return the framework log level, one of TRACE, DEBUG, INFO, WARN, ERROR, OFF} */
    default String logLevel() {
        return get(LOG_LEVEL);
    }

    /** {@return whether dev services (a throw-away broker) may be started} */
    default boolean dev() {
        return get(DEV);
    }

    /**
     * Where a variable's effective value came from.
     *
     * @param variable the variable's name
     * @return the origin of the variable's value
     */
    Origin origin(String variable);

    /**
     * {@link #origin(String)} by setting.
     *
     * @param setting the setting whose variable to look at
     * @return the origin of the setting's value
     */
    default Origin origin(Setting<?> setting) {
        return origin(setting.name());
    }

    /** {@return every known variable's effective value, secrets masked: the core's first, then each backend's} */
    Map<String, String> describe();
}
