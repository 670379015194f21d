package io.asyncworker;

import java.util.Objects;

/**
 * One effective option of a route, as shown by {@code asyncworker routes}.
 *
 * @param name   the option's name, e.g. {@code bulkSize}
 * @param value  its effective value, printed
 * @param origin where the value came from
 */
public record RouteOption(String name, String value, Origin origin) {

    /** Validates the components. */
    public RouteOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
