package io.asyncworker.sse;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.BodyCodec;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.jackson.JacksonCodec;
import io.asyncworker.sse.internal.Urls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * runs on virtual threads, never on the HTTP client's event loop. An immutable value.
 */
public final class SseRoute implements Route {
    private final String name;
    private final List<String> sources;
    private final BatchOptions options;
    private final String connectionName;
    private final SseConnection connection;
    private final Map<String, String> headers;
    private final String lastEventId;
    private final BodyCodec codec;
    private final Class<?> bodyType;
    private final AsyncBatchHandler<SseMessage> handler;

    private SseRoute(Builder b, AsyncBatchHandler<SseMessage> handler) {
        this.name = b.name != null ? b.name : "sse:" + String.join(",", b.sources);
        this.sources = List.copyOf(b.sources);
        this.options = b.options.build();
        this.connectionName = b.connectionName;
        this.connection = b.connection;
        this.headers = Map.copyOf(b.headers);
        this.lastEventId = b.lastEventId;
        this.codec = b.codec;
        this.bodyType = b.bodyType;
        this.handler = handler;
    }

    /**
     * Starts a route over streams: each an absolute {@code http(s)} URL, or a path appended to the
     * connection's base URL.
     *
     * @param urlsOrPaths absolute stream URLs or paths relative to the connection's base URL
     * @return a builder for the route
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

    /** {@return the batching and outcome options} */
    public BatchOptions options() {
        return options;
    }

    /** {@return the connection chosen by name, if any} */
    public Optional<String> connectionName() {
        return Optional.ofNullable(connectionName);
    }

    /** {@return the connection given as an object, if any} */
    public Optional<SseConnection> connection() {
        return Optional.ofNullable(connection);
    }

    /**
     * Headers this route adds to (or overrides on) the connection's.
     *
     * @return the headers, unmodifiable
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
     * @return the codec
     */
    public BodyCodec codec() {
        return codec;
    }

    /**
     * {@return the type every event's data must decode into, if declared; an event that does not is
     * rejected before the handler sees it}
     */
    public Optional<Class<?>> bodyType() {
        return Optional.ofNullable(bodyType);
    }

    /** {@return the handler} */
    public AsyncBatchHandler<SseMessage> handler() {
        return handler;
    }

    @Override
    public List<RouteOption> describe(Settings settings) {
        List<RouteOption> out = new ArrayList<>();
        out.add(new RouteOption("streams", String.join(", ", sources), Origin.CODE));
        String conn = connection != null ? connection.name() : connectionName;
        out.add(new RouteOption("connection", conn == null ? "the only SSE connection" : conn,
                conn == null ? Origin.DEFAULT : Origin.CODE));
        out.addAll(options.describe(settings));
        out.add(new RouteOption("bodyType", bodyType == null ? "none (decoded by the handler)" : bodyType.getName(),
                bodyType == null ? Origin.DEFAULT : Origin.CODE));
        if (!headers.isEmpty()) {
            out.add(new RouteOption("headers", String.join(", ", headers.keySet()), Origin.CODE));
        }
        return out;
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
    public static final class Builder {
        private final List<String> sources;
        private final BatchOptions.Builder options = BatchOptions.builder();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String name;
        private String connectionName;
        private SseConnection connection;
        private String lastEventId;
        private BodyCodec codec = JacksonCodec.json();
        private Class<?> bodyType;

        private Builder(List<String> sources) {
            this.sources = sources;
        }

        /**
         * The route's unique name; default {@code sse:} followed by the sources.
         *
         * @param name the route's unique name; default {@code sse:} followed by the sources
         * @return this builder
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Uses the registered SSE connection with this name.
         *
         * @param connectionName the name of a registered SSE connection
         * @return this builder
         */
        public Builder connection(String connectionName) {
            Objects.requireNonNull(connectionName, "connection");
            if (connectionName.isBlank()) {
                throw new IllegalArgumentException("connection must not be blank");
            }
            this.connectionName = connectionName;
            this.connection = null;
            return this;
        }

        /**
         * Uses this connection, registered with the app or not.
         *
         * @param connection the connection
         * @return this builder
         */
        public Builder connection(SseConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
            this.connectionName = null;
            return this;
        }

        /**
         * A header for this route's requests; overrides the connection's header of the same name.
         *
         * @param name the header name, in any case
         * @param value the header's value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Urls.requireHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * The {@code Last-Event-ID} sent with each stream's first request, e.g. a stored checkpoint.
         *
         * @param id the {@code Last-Event-ID} sent with each stream's first request, e.g. a stored checkpoint
         * @return this builder
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
         * Declares the type of every event's data: each event is decoded with the codec before
         * the handler runs (then {@link SseMessage#body(Class)} returns the decoded value), and an
         * event that does not decode is rejected — dropped, logged and counted as
         * {@code asyncworker.messages.invalid{reason=decode}} — without reaching the handler.
         *
         * @param type the type to decode into
         * @return this builder
         */
        public Builder bodyType(Class<?> type) {
            this.bodyType = Objects.requireNonNull(type, "bodyType");
            return this;
        }

        /**
         * See {@link BatchOptions.Builder#bulkSize(int)}.
         *
         * @param size the bulk size
         * @return this builder
         */
        public Builder bulkSize(int size) {
            options.bulkSize(size);
            return this;
        }

        /**
         * See {@link BatchOptions.Builder#flushTimeout(Duration)}.
         *
         * @param timeout the flush timeout
         * @return this builder
         */
        public Builder flushTimeout(Duration timeout) {
            options.flushTimeout(timeout);
            return this;
        }

        /**
         * See {@link BatchOptions.Builder#onSuccess(io.asyncworker.Action)}.
         *
         * @param action the action
         * @return this builder
         */
        public Builder onSuccess(io.asyncworker.Action action) {
            options.onSuccess(action);
            return this;
        }

        /**
         * See {@link BatchOptions.Builder#onException(io.asyncworker.Action)}. With
         * {@code REQUEUE} (the default) the stream reconnects and resumes from the last finished
         * event; with {@code REJECT} the failed events are dropped and the stream goes on.
         *
         * @param action the action
         * @return this builder
         */
        public Builder onException(io.asyncworker.Action action) {
            options.onException(action);
            return this;
        }

        /**
         * See {@link BatchOptions.Builder#maxConcurrency(int)}.
         *
         * @param max how many batches may run at once
         * @return this builder
         */
        public Builder maxConcurrency(int max) {
            options.maxConcurrency(max);
            return this;
        }

        /**
         * See {@link BatchOptions.Builder#maxDeliveries(int)}; counts redeliveries after requeues.
         *
         * @param max the delivery limit, at least 1
         * @return this builder
         */
        public Builder maxDeliveries(int max) {
            options.maxDeliveries(max);
            return this;
        }

        /**
         * Builds the route with a blocking batch handler.
         *
         * @param handler the handler
         * @return this builder
         */
        public SseRoute handler(BatchHandler<SseMessage> handler) {
            return new SseRoute(this, AsyncBatchHandler.of(Objects.requireNonNull(handler, "handler")));
        }

        /**
         * Builds the route with a non-blocking batch handler.
         *
         * @param handler the handler
         * @return this builder
         */
        public SseRoute asyncHandler(AsyncBatchHandler<SseMessage> handler) {
            return new SseRoute(this, Objects.requireNonNull(handler, "handler"));
        }
    }
}
