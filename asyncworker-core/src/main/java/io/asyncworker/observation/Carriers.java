package io.asyncworker.observation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads a propagation field from a message's headers, whatever type the source gave the value. */
final class Carriers {
    private Carriers() {
    }

    static String get(Map<String, Object> headers, String key) {
        Object value = headers == null ? null : headers.get(key);
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
