package io.asyncworker.tracing.internal;

import java.util.Optional;

/**
 * A W3C {@code traceparent} header ({@code 00-<trace id>-<parent id>-<flags>}, Trace Context §3.2)
 * read without a tracer: the producer's trace and span ids a batch span links to. Values of a
 * later version are read by their first four fields, as the specification asks; anything else
 * malformed, or all-zero ids, is no context.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId  16 lower-case hex digits
 * @param sampled whether the producer sampled its span
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
    private static final int LENGTH = 55;

    /**
     * Reads a header value.
     *
     * @param value the {@code traceparent} value, or null
     * @return the context, empty when absent or malformed
     */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() < LENGTH || (v.length() > LENGTH && v.charAt(LENGTH) != '-') || v.charAt(2) != '-'
                || v.charAt(35) != '-' || v.charAt(52) != '-') {
            return Optional.empty();
        }
        String version = v.substring(0, 2);
        String traceId = v.substring(3, 35);
        String spanId = v.substring(36, 52);
        String flags = v.substring(53, 55);
        if (!isHex(version) || "ff".equals(version) || ("00".equals(version) && v.length() != LENGTH)
                || !isHex(traceId) || !isHex(spanId) || !isHex(flags) || isZero(traceId) || isZero(spanId)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, spanId, (Integer.parseInt(flags, 16) & 1) == 1));
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
