package io.asyncworker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One effective option of a route, as shown by {@code asyncworker routes}.
 *
 * @param name      the option's name, e.g. {@code bulkSize}
 * @param value     its effective value, printed
 * @param origin    where the value came from
 * @param variables the settings variables the value was read from when it was not set in code,
 *                  e.g. {@code ASYNCWORKER_FLUSH_TIMEOUT}; empty for options without a variable
 */
public record RouteOption(String name, String value, Origin origin, List<String> variables) {

    /** Validates the components. */
    public RouteOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        variables = List.copyOf(variables);
    }

    /**
     * An option without a settings variable.
     *
     * @param name the option's name, e.g. {@code bulkSize}
     * @param value the effective value as text
     * @param origin where the value came from
     */
    public RouteOption(String name, String value, Origin origin) {
        this(name, value, origin, List.of());
    }

    /**
     * An option whose default comes from settings: its origin is the most specific origin among the
     * given settings ({@code CODE} over {@code DEV_SERVICE} over {@code ENVIRONMENT} over
     * {@code DEFAULT}), and the variables are those that are set.
     *
     * @param name the option's name, e.g. {@code flushTimeout}
     * @param value the effective value as text
     * @param settings the settings the default was read from
     * @param from the settings variables the default may come from
     * @return the option, listing the variables of {@code from} that are set
     */
    public static RouteOption fromSettings(String name, String value, Settings settings, Setting<?>... from) {
        Origin origin = Origin.DEFAULT;
        List<String> set = new ArrayList<>();
        for (Setting<?> s : from) {
            Origin o = settings.origin(s);
            if (o != Origin.DEFAULT) {
                set.add(s.name());
            }
            origin = o.compareTo(origin) > 0 ? o : origin;
        }
        return new RouteOption(name, value, origin, set);
    }
}
