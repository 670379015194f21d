package io.asyncworker.rabbitmq.internal;

import io.asyncworker.spi.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Checks of exchange, queue and routing-key names, as the broker would make them, but at the builder. */
public final class Names {
    private Names() {
    }

    /**
     * A queue or exchange name to declare: not blank, at most 255 UTF-8 bytes, not in the
     * {@code amq.} namespace RabbitMQ reserves.
     *
     * @param what e.g. {@code "queue"}, used in the message
     * @throws IllegalArgumentException naming the problem
     */
    public static String declarable(String what, String name) {
        Checks.notBlank(what + " name", name);
        if (name.startsWith("amq.")) {
            throw new IllegalArgumentException(what + " name '" + name + "' is in the amq. namespace, which RabbitMQ reserves");
        }
        return shortEnough(what + " name", name);
    }

    /**
     * A name that is referred to (bound to, dead-lettered to): not blank, at most 255 UTF-8 bytes.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String reference(String what, String name) {
        return shortEnough(what, Checks.notBlank(what, name));
    }

    /**
     * The arguments with one more (or a replaced) entry, as a new unmodifiable map in insertion order.
     *
     * @param what e.g. {@code "exchange"}, used in the message
     * @throws IllegalArgumentException when the name is blank
     */
    public static Map<String, Object> withArgument(String what, Map<String, Object> arguments, String name, Object value) {
        Checks.notBlank(what + " argument name", name);
        Objects.requireNonNull(value, "value");
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        copy.put(name, value);
        return Collections.unmodifiableMap(copy);
    }

    /** At most 255 UTF-8 bytes, the AMQP 0-9-1 limit of short strings. */
    public static String shortEnough(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException(what + " must be at most 255 UTF-8 bytes, got "
                    + value.getBytes(StandardCharsets.UTF_8).length);
        }
        return value;
    }
}
