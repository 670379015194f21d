package io.asyncworker.sse;

import io.asyncworker.Setting;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSE backend's {@code ASYNCWORKER_SSE_*} settings, validated with every other setting when
 * settings are created.
 *
 * <pre>{@code
 * App app = App.create(Settings.fromEnv().with(SseSettings.MAX_EVENT_SIZE, "64KiB"));
 * }</pre>
 *
 * <p>Constants only; thread-safe.
 */
public final class SseSettings {
    // before the settings: their defaults are parsed when they are made
    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(b|kib|mib)?");

    /** The smallest allowed maximum event size: 1 KiB. */
    public static final int MIN_EVENT_SIZE = 1024;
    /** The largest allowed maximum event size: 1 GiB. */
    public static final int MAX_EVENT_SIZE_LIMIT = 1 << 30;
    /** The default maximum event size: 4 MiB. */
    public static final int DEFAULT_MAX_EVENT_SIZE = 4 << 20;

    /**
     * The largest line, and the largest event's data, a stream may send, in bytes ({@code 65536},
     * {@code 64KiB}, {@code 4MiB}); a stream that sends more is dropped and reopened from the last
     * finished event. Each route can override it with {@link SseRoute.Builder#maxEventSize(int)}.
     */
    public static final Setting<Integer> MAX_EVENT_SIZE =
            Setting.of("ASYNCWORKER_SSE_MAX_EVENT_SIZE", "4MiB", SseSettings::parseSize);

    /** Every setting of the backend, in the README's order. */
    public static final List<Setting<?>> ALL = List.of(MAX_EVENT_SIZE);

    private SseSettings() {
    }

    private static Integer parseSize(String raw) {
        Matcher m = SIZE.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(sizeExpected());
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long bytes = switch (unit) {
            case "kib" -> n << 10;
            case "mib" -> n << 20;
            default -> n;
        };
        if (bytes < MIN_EVENT_SIZE || bytes > MAX_EVENT_SIZE_LIMIT) {
            throw new IllegalArgumentException(sizeExpected());
        }
        return (int) bytes;
    }

    private static String sizeExpected() {
        return "expected a size such as 65536, 64KiB or 4MiB, from 1KiB to 1024MiB";
    }
}
