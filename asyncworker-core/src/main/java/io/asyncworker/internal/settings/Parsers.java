package io.asyncworker.internal.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for setting values; each throws {@link IllegalArgumentException} saying what is expected. */
public final class Parsers {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private Parsers() {
    }

    /** A {@link Parser} of one value. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String raw);
    }

    /** Durations such as {@code 60} (seconds), {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}. */
    public static Duration duration(String raw) {
        Matcher m = DURATION.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 60, 500ms, 2s, 1m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** A duration greater than zero. */
    public static Duration positiveDuration(String raw) {
        Duration d = duration(raw);
        if (d.isZero()) {
            throw new IllegalArgumentException("expected a duration greater than zero");
        }
        return d;
    }

    /** Parses an integer within bounds. */
    public static Parser<Integer> integer(int min, int max) {
        return raw -> {
            int n;
            try {
                n = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
            }
            return n;
        };
    }

    /** {@code true} or {@code false}, any case. */
    public static Boolean bool(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("expected true or false");
        }
        return Boolean.valueOf(v);
    }

    /** A non-blank value, trimmed. */
    public static String text(String raw) {
        if (raw.isBlank()) {
            throw new IllegalArgumentException("expected a non-empty value");
        }
        return raw.trim();
    }

    /** A URL path starting with a slash. */
    public static String path(String raw) {
        String p = raw.trim();
        if (!p.startsWith("/") || p.contains(" ")) {
            throw new IllegalArgumentException("expected a path starting with /");
        }
        return p;
    }

    /** A log level name. */
    public static String logLevel(String raw) {
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(v)) {
            throw new IllegalArgumentException("expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        }
        return v;
    }

    /** Hides the password of a URL's user info, for messages and listings. */
    public static String maskUrl(String url) {
        return url.replaceFirst("://([^:/@]*):[^@/]*@", "://$1:****@");
    }
}
