package io.asyncworker.jackson.internal;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Names Java types and JSON tokens as JSON kinds a client understands ({@code a number},
 * {@code an array}, {@code one of RED, GREEN}), never as Java class names. Stateless.
 */
final class JsonTypes {
    private static final Set<Class<?>> WHOLE = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> DECIMAL = Set.of(double.class, Double.class, float.class, Float.class,
            BigDecimal.class, Number.class);
    private static final int ENUM_LIST_LIMIT = 20;

    private JsonTypes() {
    }

    /** What a value of this type looks like in JSON, e.g. {@code a whole number}. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (WHOLE.contains(type)) {
            return "a whole number";
        }
        if (DECIMAL.contains(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return expectedText(type);
    }

    private static String expectedText(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + enumNames(type);
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (Temporal.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time string";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a valid value";
    }

    private static String enumNames(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).limit(ENUM_LIST_LIMIT).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
        return constants.length > ENUM_LIST_LIMIT ? names + ", ..." : names;
    }

    /** What a token is in JSON, e.g. {@code a string}; {@code nothing} when the input ended. */
    static String found(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case NOT_AVAILABLE -> "nothing";
        };
    }

    /** The range of a whole-number type, e.g. {@code from -128 to 127}; empty for others. */
    static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return " from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        if (type == byte.class || type == Byte.class) {
            return " from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
        }
        return "";
    }
}
