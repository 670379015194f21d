package io.asyncworker.sse;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.BatchRouteBuilder;
import io.asyncworker.BodyCodec;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.jackson.JacksonCodec;
import io.asyncworker.spi.Checks;
import io.asyncworker.spi.ConnectionChoice;
import io.asyncworker.sse.internal.Urls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route that consumes one or more remote Server-Sent-Events streams in batches, resuming with
 * {@code Last-Event-ID} after every reconnect.
 *
 * <pre>{@code
 * app.route(SseRoute.consume("https://feed.example/stream")
 *         .bulkSize(100)
 *         .flushTimeout(Duration.ofSeconds(2))
 *         .header("X-Client", "worker-1")
 *         .handler(events -> events.forEach(e -> save(e.body(Price.class)))));
 * }</pre>
 *
 * <p>Each source is one stream; the streams of a route share its bucket and handler. The handler
 * runs on virtual threads, never on the HTTP client's event loop. A stream is ordered, so batches
 * run one at a time by default ({@code maxConcurrency(1)}); a larger {@code maxConcurrency} lets
 * them overlap and finish out of order (the resume point still advances in stream order). An
 * immutable value.
 */
public final class SseRoute implements Route {
    private final String name;
    private final List<String> sources;
    private final BatchOptions options;
    private final ConnectionChoice<SseConnection> connection;
    private final Map<String, String> headers;
    private final String lastEventId;
    private final BodyCodec codec;
    private final Integer maxEventSize;
    private final SseListener listener;
    private final boolean comments;
    private final String method;
    private final byte[] body;
    private final String contentType;
    private final AsyncBatchHandler<SseMessage> handler;

    private SseRoute(Builder b, AsyncBatchHandler<SseMessage> handler) {
        b.checkCombination();
        this.name = b.name();
        this.sources = List.copyOf(b.sources);
        this.options = b.options();
        this.connection = b.connection();
        this.headers = Map.copyOf(b.headers);
        this.lastEventId = b.lastEventId;
        this.codec = b.codec;
        this.maxEventSize = b.maxEventSize;
        this.listener = b.listener;
        this.comments = b.comments;
        this.method = b.method;
        this.body = b.body;
        this.contentType = b.contentType;
        this.handler = handler;
    }

    /**
     * Starts a route over streams: each an absolute {@code http(s)} URL, or a path appended to the
     * connection's base URL.
     *
     * @param urlsOrPaths the streams, one or more
     * @return a new builder; finish it with {@code handler(...)}
     * @throws IllegalArgumentException when no source is given or one is not a URL or path
     */
    public static Builder consume(String... urlsOrPaths) {
        Objects.requireNonNull(urlsOrPaths, "urlsOrPaths");
        if (urlsOrPaths.length == 0) {
            throw new IllegalArgumentException("urlsOrPaths must name at least one stream");
        }
        List<String> sources = new ArrayList<>();
        for (String s : urlsOrPaths) {
            String source = Urls.requireSource(s);
            if (sources.contains(source)) {
                throw new IllegalArgumentException("urlsOrPaths names '" + source + "' twice");
            }
            sources.add(source);
        }
        return new Builder(sources);
    }

    @Override
    public RouteType type() {
        return RouteType.SSE;
    }

    @Override
    public String name() {
        return name;
    }

    /** The stream URLs or paths, as given. */
    @Override
    public List<String> sources() {
        return sources;
    }

    /** {@return the batching and outcome options; {@code maxConcurrency} is 1 unless set in code} */
    public BatchOptions options() {
        return options;
    }

    /** {@return the connection chosen by name or as an object, or none (the only SSE connection, else the defaults)} */
    public ConnectionChoice<SseConnection> connection() {
        return connection;
    }

    /**
     * Headers this route adds to (or overrides on) the connection's.
     *
     * @return the headers by name; empty when none
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** {@return the {@code Last-Event-ID} the first request of each stream sends, if any} */
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    /**
     * Decodes {@link SseMessage#body(Class)}.
     *
     * @return the codec that decodes {@link SseMessage#body(Class)}
     */
    public BodyCodec codec() {
        return codec;
    }

    /**
     * The type every event's data must decode into, if declared; an event that does not is
     * rejected before the handler sees it.
     *
     * @return the body type, or empty
     */
    public Optional<Class<?>> bodyType() {
        return options.bodyType();
    }

    /** {@return the maximum event size set in code; empty means {@link SseSettings#MAX_EVENT_SIZE}} */
    public OptionalInt maxEventSize() {
        return maxEventSize == null ? OptionalInt.empty() : OptionalInt.of(maxEventSize);
    }

    /**
     * The effective maximum size of a line and of an event's data, in bytes, under the given settings.
     *
     * @param settings the settings that give the default
     * @return the size in bytes
     */
    public int maxEventSize(Settings settings) {
        return maxEventSize != null ? maxEventSize : settings.get(SseSettings.MAX_EVENT_SIZE);
    }

    /** {@return the listener told about each stream's connections and (with {@link #comments()}) comments, if any} */
    public Optional<SseListener> listener() {
        return Optional.ofNullable(listener);
    }

    /** {@return whether comment lines go to the listener's {@link SseListener#onComment}} */
    public boolean comments() {
        return comments;
    }

    /** {@return the request method of every stream request; {@code GET} unless set} */
    public String method() {
        return method;
    }

    /** {@return a copy of the request body, if one is set} */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    /** {@return the {@code Content-Type} of the request body, if one is set} */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * The handler.
     *
     * @return the handler each batch of events is given to
     */
    public AsyncBatchHandler<SseMessage> handler() {
        return handler;
    }

    @Override
    public List<RouteOption> describe(Settings settings) {
        List<RouteOption> out = new ArrayList<>();
        out.add(new RouteOption("streams", String.join(", ", sources), Origin.CODE));
        String conn = connection.describe(null);
        out.add(new RouteOption("connection", conn == null ? "the only SSE connection" : conn,
                conn == null ? Origin.DEFAULT : Origin.CODE));
        out.addAll(options.describe(settings));
        if (!headers.isEmpty()) {
            out.add(new RouteOption("headers", String.join(", ", headers.keySet()), Origin.CODE));
        }
        describeStreamOptions(settings, out);
        return out;
    }

    /** The options of how each stream is requested and watched. */
    private void describeStreamOptions(Settings settings, List<RouteOption> out) {
        if (!method.equals("GET") || body != null) {
            out.add(new RouteOption("request", method + (body == null ? "" : " with a " + body.length + " byte "
                    + contentType + " body"), Origin.CODE));
        }
        if (listener != null) {
            out.add(new RouteOption("listener", comments ? "set, with comments" : "set", Origin.CODE));
        }
        String size = maxEventSize(settings) + " bytes";
        out.add(maxEventSize != null ? new RouteOption("maxEventSize", size, Origin.CODE)
                : RouteOption.fromSettings("maxEventSize", size, settings, SseSettings.MAX_EVENT_SIZE));
    }

    @Override
    public String toString() {
        return "SseRoute[" + name + " " + sources + " " + options + "]";
    }

    /**
     * Configures an {@link SseRoute}; each setter validates its argument at once and throws
     * {@link IllegalArgumentException} naming the option. {@code handler(...)} builds the route.
     * Not thread-safe.
     */
    public static final class Builder extends BatchRouteBuilder<Builder, SseMessage, SseConnection, SseRoute> {
        private final List<String> sources;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String lastEventId;
        private BodyCodec codec = JacksonCodec.json();
        private Integer maxEventSize;
        private SseListener listener;
        private boolean comments;
        private String method = "GET";
        private byte[] body;
        private String contentType;

        private Builder(List<String> sources) {
            super("sse:" + String.join(",", sources));
            this.sources = sources;
            defaultMaxConcurrency(1); // a stream is ordered: its batches run one after another
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected SseRoute build(AsyncBatchHandler<SseMessage> handler) {
            return new SseRoute(this, handler);
        }

        private String name() {
            return routeName();
        }

        private BatchOptions options() {
            return batchOptions();
        }

        private ConnectionChoice<SseConnection> connection() {
            return connectionChoice();
        }

        /**
         * A header for this route's requests; overrides the connection's header of the same name.
         *
         * @param name the header's name
         * @param value the header's value
         * @return this builder
         * @throws IllegalArgumentException when the name or value is not a valid header
         */
        public Builder header(String name, String value) {
            Urls.requireHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * The {@code Last-Event-ID} sent with each stream's first request, e.g. a stored checkpoint.
         *
         * @param id the event id to resume after
         * @return this builder
         * @throws IllegalArgumentException when the id contains NUL, CR or LF
         */
        public Builder lastEventId(String id) {
            Objects.requireNonNull(id, "lastEventId");
            if (id.indexOf('\0') >= 0 || id.indexOf('\r') >= 0 || id.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("lastEventId must not contain NUL, CR or LF");
            }
            this.lastEventId = id;
            return this;
        }

        /**
         * Decodes {@link SseMessage#body(Class)}; default JSON through Jackson.
         *
         * @param codec the codec
         * @return this builder
         */
        public Builder codec(BodyCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * The largest line, and the largest event's data, a stream of this route may send, in
         * bytes; default {@link SseSettings#MAX_EVENT_SIZE} (4 MiB). A stream that sends more is
         * dropped, logged, counted as {@code asyncworker.messages.invalid{reason=oversized}}, and
         * reopened from the last finished event.
         *
         * @param bytes the limit in bytes
         * @return this builder
         * @throws IllegalArgumentException unless from {@value SseSettings#MIN_EVENT_SIZE} bytes
         *                                  (1 KiB) to 1 GiB
         */
        public Builder maxEventSize(int bytes) {
            this.maxEventSize = Checks.between("maxEventSize (bytes)", bytes, SseSettings.MIN_EVENT_SIZE,
                    SseSettings.MAX_EVENT_SIZE_LIMIT);
            return this;
        }

        /**
         * Tells {@code listener} how each stream of the route fares (open, closed, errors, and
         * comments with {@link #comments(boolean)}), on virtual threads, one call at a time per
         * stream; its calls get the stream's {@link SseStreamControl}, which can restart it.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SseListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Whether the server's comment lines go to the {@link #listener(SseListener) listener}'s
         * {@link SseListener#onComment}; default false (comments are skipped). Needs a listener.
         *
         * @param comments {@code true} to hand comment lines to the listener
         * @return this builder
         */
        public Builder comments(boolean comments) {
            this.comments = comments;
            return this;
        }

        /**
         * The request method of every stream request, e.g. {@code POST} or {@code REPORT} with a
         * {@link #body(byte[], String) body}; default {@code GET}. A 303 redirect, and a 301 or 302
         * one after a {@code POST}, continue with {@code GET} and no body; 307 and 308 keep both.
         *
         * @param method the method's name, e.g. {@code POST}
         * @return this builder
         * @throws IllegalArgumentException when it is not an HTTP token, or is {@code HEAD},
         *                                  {@code CONNECT} or {@code TRACE} (they cannot carry a stream)
         */
        public Builder method(String method) {
            this.method = Urls.requireMethod(method);
            return this;
        }

        /**
         * The body every stream request sends, e.g. a JSON query, with its {@code Content-Type}.
         * Needs a {@link #method(String) method} other than {@code GET}. The bytes are copied.
         *
         * @param body the request body; copied
         * @param contentType the body's {@code Content-Type}, not blank
         * @return this builder
         * @throws IllegalArgumentException when the content type is blank or not a valid header value
         */
        public Builder body(byte[] body, String contentType) {
            Objects.requireNonNull(body, "body");
            Checks.notBlank("body contentType", contentType);
            Urls.requireHeader("Content-Type", contentType);
            this.body = body.clone();
            this.contentType = contentType;
            return this;
        }

        /** Checks the options that depend on each other, when the route is built. */
        private void checkCombination() {
            if (body != null && method.equals("GET")) {
                throw new IllegalArgumentException("body needs a method other than GET, e.g. method(\"POST\")");
            }
            if (comments && listener == null) {
                throw new IllegalArgumentException("comments(true) needs a listener(...) to receive them");
            }
        }
    }
}
