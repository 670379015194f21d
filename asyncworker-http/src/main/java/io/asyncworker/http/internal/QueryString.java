package io.asyncworker.http.internal;

import io.asyncworker.http.HttpException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes a raw query string ({@code a=1&b=x%20y}) into its parameters. Stateless. */
final class QueryString {

    private QueryString() {
    }

    /**
     * The parameters in order, each with all its values.
     *
     * @throws HttpException 400 when the string is not validly percent-encoded
     */
    static Map<String, List<String>> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        PercentEscapes.problem(raw).ifPresent(problem -> {
            throw HttpException.badRequest("malformed query string: " + problem);
        });
        try {
            Map<String, List<String>> decoded = new QueryStringDecoder(raw, StandardCharsets.UTF_8, false).parameters();
            Map<String, List<String>> copy = new LinkedHashMap<>();
            decoded.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return Collections.unmodifiableMap(copy);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("malformed query string");
        }
    }
}
