package io.asyncworker.rabbitmq.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what AMQP 0-9-1 can carry before anything is sent: header names and short-string
 * properties of at most 255 UTF-8 bytes, header values of the types amqp-client encodes, the
 * {@code CC}/{@code BCC} routing headers as lists of strings (RabbitMQ closes the channel
 * otherwise). Each problem is an {@link IllegalArgumentException} naming the option. Stateless.
 */
public final class HeaderValues {
    /** The longest short string AMQP 0-9-1 encodes, in UTF-8 bytes. */
    public static final int MAX_SHORT_STRING = 255;
    private static final String TYPES = "String, Integer, Long, Short, Byte, Double, Float, Boolean, BigDecimal, Date, "
            + "byte[], List or Map of these";

    private HeaderValues() {
    }

    /**
     * Checks a short-string option (names, ids, routing keys) and returns it.
     *
     * @throws IllegalArgumentException naming the option when longer than 255 UTF-8 bytes
     */
    public static String shortString(String option, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SHORT_STRING) {
            throw new IllegalArgumentException(option + " must be at most " + MAX_SHORT_STRING + " UTF-8 bytes, got "
                    + bytes);
        }
        return value;
    }

    /**
     * Checks a header and returns an immutable copy of its value.
     *
     * @throws IllegalArgumentException naming the header when AMQP cannot carry it
     */
    public static Object checkedCopy(String name, Object value) {
        shortString("header name '" + name + "'", name);
        if (("CC".equals(name) || "BCC".equals(name))
                && !(value instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            throw new IllegalArgumentException("header '" + name + "' must be a List of routing keys (Strings), got "
                    + typeOf(value));
        }
        return copy("header '" + name + "'", value);
    }

    private static Object copy(String where, Object value) {
        return switch (value) {
            case null -> throw new IllegalArgumentException(where + " must not contain null");
            case String s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s;
            case Byte b -> b;
            case Double d -> d;
            case Float f -> f;
            case Boolean b -> b;
            case BigDecimal d -> decimal(where, d);
            case Date d -> new Date(d.getTime());
            case byte[] bytes -> bytes.clone();
            case List<?> list -> list(where, list);
            case Map<?, ?> map -> map(where, map);
            default -> throw new IllegalArgumentException(where + " has a value of type " + typeOf(value)
                    + ", which AMQP headers cannot carry; use " + TYPES);
        };
    }

    private static BigDecimal decimal(String where, BigDecimal d) {
        if (d.scale() < 0 || d.scale() > 255 || d.unscaledValue().bitLength() > 31) {
            throw new IllegalArgumentException(where + " is a BigDecimal AMQP cannot carry (" + d
                    + "): the unscaled value must fit 32 bits and the scale 0..255");
        }
        return d;
    }

    private static List<Object> list(String where, List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        for (Object item : list) {
            copy.add(copy(where, item));
        }
        return Collections.unmodifiableList(copy);
    }

    private static Map<String, Object> map(String where, Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(where + " has a table key that is not a String: " + e.getKey());
            }
            copy.put(shortString(where + " key '" + key + "'", key), copy(where, e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
