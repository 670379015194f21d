package io.asyncworker.http.internal;

import java.util.Optional;

/** Finds percent-escapes that are not {@code %} and two hex digits, before anything decodes them. Stateless. */
final class PercentEscapes {

    private PercentEscapes() {
    }

    /**
     * The problem with the first bad escape in a raw path or query string, e.g.
     * {@code '%zz' at position 7 is not a valid percent-escape}; empty when all are valid.
     */
    static Optional<String> problem(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
                String escape = raw.substring(i, Math.min(raw.length(), i + 3));
                return Optional.of("'" + escape + "' at position " + i + " is not a valid percent-escape (% and two hex digits)");
            }
            i += 2;
        }
        return Optional.empty();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
