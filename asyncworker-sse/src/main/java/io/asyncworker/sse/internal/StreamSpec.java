package io.asyncworker.sse.internal;

import io.asyncworker.BodyCodec;
import io.asyncworker.Settings;
import io.asyncworker.spi.Backoff;
import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseListener;
import io.asyncworker.sse.SseRoute;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
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
 * @param method        the request method
 * @param body          the request body, if any
 * @param listener      told about connections and comments, if any
 * @param comments      whether comments go to the listener
 */
record StreamSpec(String route, String url, Map<String, String> headers, Optional<String> authorization,
                  Duration connectTimeout, Duration readIdleTimeout, Backoff backoff, BodyCodec codec,
                  String lastEventId, int highWater, int maxEventSize, String method, Optional<Body> body,
                  Optional<SseListener> listener, boolean comments) {
    /**
     * The fewest unsettled events at which reading pauses: below it, a reader pauses every few
     * batches, and a server that closes the connection during a pause loses the buffered tail
     * (Vert.x drops a paused response's queued chunks on close), which costs a reconnect.
     */
    static final long MIN_HIGH_WATER = 16_384;

    /** The largest fraction of a reconnect delay that jitter takes off. */
    static final double JITTER = 0.2;

    /** A request body and its content type; the bytes are never changed. */
    record Body(byte[] bytes, String contentType) {
    }

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
        int highWater = (int) Math.min(Integer.MAX_VALUE, Math.max(4L * route.options().bulkSize(), MIN_HIGH_WATER));
        return new StreamSpec(route.name(), url, Map.copyOf(headers), auth, connection.connectTimeout(),
                connection.readIdleTimeout(), Backoff.of(connection.initialBackoff(), connection.maxBackoff()).withJitter(JITTER),
                route.codec(), route.lastEventId().orElse(""), highWater, route.maxEventSize(settings), route.method(),
                route.body().map(b -> new Body(b, route.contentType().orElseThrow())), route.listener(),
                route.comments());
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> top) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(base);
        out.putAll(top);
        return out;
    }

    /**
     * The request of one attempt, without redirects followed by the client: the spec's method and
     * body unless a redirect changed them.
     *
     * @param withBody whether the attempt sends the body (a redirect to GET drops it)
     */
    RequestOptions requestOptions(String targetUrl, String requestMethod, boolean withBody, String resumeId) {
        MultiMap requestHeaders = requestHeaders(targetUrl, resumeId);
        if (withBody) {
            requestHeaders.set(HttpHeaders.CONTENT_TYPE, body.orElseThrow().contentType());
        }
        return new RequestOptions().setMethod(HttpMethod.valueOf(requestMethod)).setAbsoluteURI(targetUrl)
                .setHeaders(requestHeaders).setConnectTimeout(connectTimeout.toMillis()).setFollowRedirects(false);
    }

    /** Sends a request made from {@link #requestOptions}, with the body or without. */
    Future<HttpClientResponse> send(HttpClientRequest request, boolean withBody) {
        return withBody ? request.send(Buffer.buffer(body.orElseThrow().bytes())) : request.send();
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
        if (!resumeId.isEmpty() && isSendable(resumeId)) {
            out.set("Last-Event-ID", asUtf8Octets(resumeId));
        }
        return out;
    }

    /**
     * Whether an id can travel in a header: an SSE id may hold any character but NUL, CR and LF,
     * while HTTP forbids the other control characters in header values (RFC 9110 §5.5).
     */
    static boolean isSendable(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * The id as a header value whose chars are its UTF-8 bytes. The HTTP encoder writes each char
     * of a value as one byte (chars up to 255 as they are, larger ones as {@code ?}), so a plain
     * {@code café} would go out in Latin-1 and {@code 豆腐} as {@code ??}; one char per UTF-8 byte
     * makes it send the id's UTF-8 bytes exactly.
     */
    static String asUtf8Octets(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7F) {
                return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return value;
    }

    /** The name of the stream's health component. */
    String componentName() {
        return route + "/" + url;
    }
}
