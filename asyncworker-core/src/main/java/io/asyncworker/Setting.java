package io.asyncworker;

import io.asyncworker.internal.settings.Parsers;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One {@code ASYNCWORKER_*} variable: its name, default, parser and how its value is shown. The core
 * declares its own settings; each backend declares its own through
 * {@link io.asyncworker.spi.BackendFactory#settings()}, and {@link Settings} validates all of them
 * when it is created.
 *
 * <pre>{@code
 * static final Setting<Integer> PREFETCH = Setting.integer("ASYNCWORKER_AMQP_PREFETCH", 128, 1, 65535);
 * int prefetch = app.settings().get(PREFETCH);
 * }</pre>
 *
 * <p>An immutable value; thread-safe. Two settings are equal when their names are.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {
    private static final Pattern NAME = Pattern.compile("ASYNCWORKER_[A-Z0-9_]+");

    /** How a value is shown in messages and listings. */
    private enum Secrecy { PLAIN, SECRET, URL_WITH_PASSWORD }

    private final String name;
    private final String defaultRaw;
    private final Function<String, T> parser;
    private final Secrecy secrecy;

    private Setting(String name, String defaultRaw, Function<String, T> parser, Secrecy secrecy) {
        this.name = name;
        this.defaultRaw = defaultRaw;
        this.parser = parser;
        this.secrecy = secrecy;
    }

    /**
     * A setting with a parser of its own.
     *
     * @param name       {@code ASYNCWORKER_} followed by upper-case letters, digits and underscores
     * @param defaultRaw the default as it would be written in the environment; {@code null} for none
     * @param parser     turns the raw text into the value; throws {@link IllegalArgumentException}
     *                   saying what it expected
     * @param <T> the type of the parsed value
     * @return the setting
     * @throws IllegalArgumentException when the name is not an {@code ASYNCWORKER_*} name, or the
     *                                  default does not parse
     */
    public static <T> Setting<T> of(String name, String defaultRaw, Function<String, T> parser) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be ASYNCWORKER_ followed by A-Z, 0-9 or _, got '" + name + "'");
        }
        Setting<T> setting = new Setting<>(name, defaultRaw, parser, Secrecy.PLAIN);
        if (defaultRaw != null) {
            setting.parse(defaultRaw);
        }
        return setting;
    }

    /**
     * A duration: {@code 60} (seconds), {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}; zero allowed.
     *
     * @param name the variable's name, {@code ASYNCWORKER_} followed by upper-case letters, digits and underscores
     * @param defaultRaw the default as written in the environment, e.g. {@code 5s}; {@code null} for none
     * @return the setting
     * @throws IllegalArgumentException when the name is not an {@code ASYNCWORKER_*} name, or the default does not
     *         parse
     */
    public static Setting<Duration> duration(String name, String defaultRaw) {
        return of(name, defaultRaw, Parsers::duration);
    }

    /**
     * A duration greater than zero.
     *
     * @param name the variable's name, {@code ASYNCWORKER_} followed by upper-case letters, digits and underscores
     * @param defaultRaw the default as written in the environment, e.g. {@code 5s}; {@code null} for none
     * @return the setting
     * @throws IllegalArgumentException when the name is not an {@code ASYNCWORKER_*} name, or the default does not
     *         parse
     */
    public static Setting<Duration> positiveDuration(String name, String defaultRaw) {
        return of(name, defaultRaw, Parsers::positiveDuration);
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @param name the variable's name, {@code ASYNCWORKER_} followed by upper-case letters, digits and underscores
     * @param defaultValue the default, from {@code min} to {@code max}
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the setting
     * @throws IllegalArgumentException when the name is not an {@code ASYNCWORKER_*} name, or the default is out of
     *         range
     */
    public static Setting<Integer> integer(String name, int defaultValue, int min, int max) {
        return of(name, Integer.toString(defaultValue), Parsers.integer(min, max)::parse);
    }

    /**
     * {@code true} or {@code false}, any case.
     *
     * @param name the variable's name, {@code ASYNCWORKER_} followed by upper-case letters, digits and underscores
     * @param defaultValue the default
     * @return the setting
     * @throws IllegalArgumentException when the name is not an {@code ASYNCWORKER_*} name
     */
    public static Setting<Boolean> bool(String name, boolean defaultValue) {
        return of(name, Boolean.toString(defaultValue), Parsers::bool);
    }

    /**
     * A non-blank text, trimmed; {@code null} default for none.
     *
     * @param name the variable's name, {@code ASYNCWORKER_} followed by upper-case letters, digits and underscores
     * @param defaultRaw the default; {@code null} for none
     * @return the setting
     * @throws IllegalArgumentException when the name is not an {@code ASYNCWORKER_*} name, or the default is blank
     */
    public static Setting<String> text(String name, String defaultRaw) {
        return of(name, defaultRaw, Parsers::text);
    }

    /**
     * A URL path starting with a slash.
     *
     * @param name the variable's name, {@code ASYNCWORKER_} followed by upper-case letters, digits and underscores
     * @param defaultRaw the default, e.g. {@code /health}; {@code null} for none
     * @return the setting
     * @throws IllegalArgumentException when the name is not an {@code ASYNCWORKER_*} name, or the default is not such a
     *         path
     */
    public static Setting<String> path(String name, String defaultRaw) {
        return of(name, defaultRaw, Parsers::path);
    }

    /**
     * The same setting, its value never printed.
     *
     * @return a copy of this setting shown as {@code ****} by {@link #show(String)}
     */
    public Setting<T> secret() {
        return new Setting<>(name, defaultRaw, parser, Secrecy.SECRET);
    }

    /**
     * The same setting, printed with the password of its URL masked.
     *
     * @return a copy of this setting whose URL password {@link #show(String)} masks
     */
    public Setting<T> urlWithPassword() {
        return new Setting<>(name, defaultRaw, parser, Secrecy.URL_WITH_PASSWORD);
    }

    /** {@return the variable's name} */
    public String name() {
        return name;
    }

    /** {@return the default as raw text, empty when the setting has none} */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultRaw);
    }

    /**
     * Parses a raw value.
     *
     * @param raw the text as written in the environment
     * @return the value
     * @throws IllegalArgumentException saying what was expected
     */
    public T parse(String raw) {
        return parser.apply(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * The raw value as it may be shown in messages and listings: secrets masked.
     *
     * @param raw the text as written in the environment
     * @return the text, {@code ****} for a secret, the URL with its password masked for {@link #urlWithPassword()}
     */
    public String show(String raw) {
        return switch (secrecy) {
            case SECRET -> "****";
            case URL_WITH_PASSWORD -> Parsers.maskUrl(raw);
            case PLAIN -> raw;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting<?> s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
