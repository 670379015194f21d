package io.asyncworker.rabbitmq.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One difference the broker reported when a declaration did not match an existing queue or
 * exchange, parsed from its {@code PRECONDITION_FAILED} reply text, e.g. {@code inequivalent arg
 * 'x-max-length' for queue 'q' in vhost '/': received '11' but current is '10'}. A value is
 * {@code none}, {@code 'v'} (same type as declared) or {@code the value 'v' of type 't'}.
 *
 * @param key      the argument or flag ({@code durable}, {@code auto_delete}, {@code type}, {@code x-...})
 * @param declared what was declared, as the broker printed it
 * @param current  what the broker has, as it printed it
 */
record Mismatch(String key, String declared, String current) {
    private static final Pattern INEQUIVALENT = Pattern.compile(
            "inequivalent arg '([^']+)' for (?:queue|exchange) .*: received (.+) but current is (.+)$", Pattern.DOTALL);
    private static final Pattern TYPED = Pattern.compile("the value '(.*)' of type '([a-z]+)'", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'(.*)'", Pattern.DOTALL);

    /** The mismatch a reply text reports, if it reports one. */
    static Optional<Mismatch> parse(String replyText) {
        Matcher m = INEQUIVALENT.matcher(replyText);
        return m.find() ? Optional.of(new Mismatch(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** Whether the broker has no value for the key. */
    boolean currentIsNone() {
        return current.equals("none");
    }

    /**
     * The broker's current value as a Java value to declare in its place: typed as the broker
     * says, else like {@code like} (the declared value).
     */
    Object currentValue(Object like) {
        Matcher typed = TYPED.matcher(current);
        if (typed.matches()) {
            return convert(typed.group(1), typed.group(2));
        }
        Matcher quoted = QUOTED.matcher(current);
        String raw = quoted.matches() ? quoted.group(1) : current;
        if (like instanceof Boolean) {
            return Boolean.parseBoolean(raw);
        }
        if (like instanceof Number) {
            return number(raw);
        }
        return raw;
    }

    private static Object convert(String raw, String type) {
        return switch (type) {
            case "long", "signedint", "short", "byte", "unsignedbyte", "unsignedshort", "unsignedint", "timestamp" ->
                    number(raw);
            case "bool" -> Boolean.parseBoolean(raw);
            case "double", "float" -> Double.parseDouble(raw);
            default -> raw;
        };
    }

    private static Object number(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return Double.parseDouble(raw);
        }
    }

    /** A value as a user reads it: {@code none} as "not set", quotes and broker types dropped. */
    static String readable(String printed) {
        if (printed.equals("none")) {
            return "not set";
        }
        Matcher typed = TYPED.matcher(printed);
        if (typed.matches()) {
            return typed.group(1);
        }
        Matcher quoted = QUOTED.matcher(printed);
        return quoted.matches() ? quoted.group(1) : printed;
    }
}
