package io.asyncworker.http.internal;

import io.asyncworker.http.HttpException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Converts path and query parameter and header text to the types {@code Request} supports. Stateless. */
final class ParamConverter {
    private static final int ECHO_LIMIT = 64;
    private static final Map<Class<?>, Function<String, ?>> PARSERS = Map.ofEntries(
            Map.entry(String.class, s -> s),
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(boolean.class, ParamConverter::bool), Map.entry(Boolean.class, ParamConverter::bool),
            Map.entry(UUID.class, UUID::fromString));

    private ParamConverter() {
    }

    /**
     * Converts one value.
     *
     * @param kind {@code path}, {@code query} or {@code header}, for the error message
     * @throws HttpException            400 naming the parameter when the text does not convert
     * @throws IllegalArgumentException when the type is not supported
     */
    @SuppressWarnings("unchecked")
    static <T> T convert(String kind, String name, String raw, Class<T> type) {
        Function<String, ?> parser = type.isEnum() ? s -> enumConstant(type, s) : PARSERS.get(type);
        if (parser == null) {
            throw new IllegalArgumentException("unsupported parameter type " + type.getName()
                    + "; use String, int, long, double, boolean, UUID or an enum");
        }
        try {
            return (T) parser.apply(raw);
        } catch (IllegalArgumentException e) {
            String what = kind.equals("header") ? "header" : kind + " parameter";
            throw HttpException.badRequest("bad " + what + " '" + name + "': '" + echo(raw)
                    + "' is not " + describe(type)).with(kind.equals("header") ? "header" : "parameter", name);
        }
    }

    private static Boolean bool(String raw) {
        if (raw.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (raw.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static Object enumConstant(Class<?> type, String raw) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no such constant");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        String simple = type.getSimpleName().toLowerCase(Locale.ROOT);
        return simple.equals("int") || simple.equals("integer") ? "an int" : "a " + simple;
    }

    private static String echo(String raw) {
        return raw.length() <= ECHO_LIMIT ? raw : raw.substring(0, ECHO_LIMIT) + "...";
    }
}
