package io.asyncworker.sse.internal;

import io.asyncworker.BodyCodec;
import io.asyncworker.Settings;
import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseRoute;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one stream needs to know about where and how to connect, resolved from its route and
 * connection at start.
 *
 * @param route         the route's name
 * @param url           the absolute stream URL
 * @param headers       the connection's headers with the route's on top
 * @param authorization the {@code Authorization} value, sent only to the stream's own origin
 * @param lastEventId   the ID the first request resumes from, empty for none
 * @param highWater     unsettled events at which reading pauses
 * @param maxEventSize  the longest line and the largest event data, in bytes
 */
record StreamSpec(String route, String url, Map<String, String> headers, Optional<String> authorization,
                  Duration connectTimeout, Duration readIdleTimeout, Backoff backoff, BodyCodec codec,
                  String lastEventId, int highWater, int maxEventSize) {

    static StreamSpec of(SseRoute route, SseConnection connection, String source, Settings settings) {
        String url = Urls.isAbsolute(source) ? source : Urls.join(connection.baseUrl().orElseThrow(), source);
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> auth = connection.authorization();
        for (Map.Entry<String, String> h : merged(connection.headers(), route.headers()).entrySet()) {
            if (h.getKey().equalsIgnoreCase("Authorization")) {
                auth = Optional.of(h.getValue());
            } else {
                headers.put(h.getKey(), h.getValue());
            }
        }
        int highWater = (int) Math.min(Integer.MAX_VALUE, Math.max(4L * route.options().bulkSize(), 1024L));
        return new StreamSpec(route.name(), url, Map.copyOf(headers), auth, connection.connectTimeout(),
                connection.readIdleTimeout(), Backoff.of(connection.initialBackoff(), connection.maxBackoff()),
                route.codec(), route.lastEventId().orElse(""), highWater, route.maxEventSize(settings));
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> top) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(base);
        out.putAll(top);
        return out;
    }

    /**
     * The request headers for one attempt. Credentials go only to the stream's own origin, not to
     * a different host a redirect points at.
     */
    MultiMap requestHeaders(String targetUrl, String resumeId) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(out::set);
        out.set(HttpHeaders.ACCEPT, "text/event-stream");
        out.set(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (authorization.isPresent() && Urls.sameOrigin(url, targetUrl)) {
            out.set(HttpHeaders.AUTHORIZATION, authorization.get());
        }
        if (!resumeId.isEmpty()) {
            out.set("Last-Event-ID", resumeId);
        }
        return out;
    }

    /** The name of the stream's health component. */
    String componentName() {
        return route + "/" + url;
    }
}
