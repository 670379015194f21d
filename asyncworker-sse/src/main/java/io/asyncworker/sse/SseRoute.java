package io.asyncworker.sse;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchRouteBuilder;
import io.asyncworker.BatchOptions;
import io.asyncworker.BodyCodec;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.jackson.JacksonCodec;
import io.asyncworker.spi.ConnectionChoice;
import io.asyncworker.sse.internal.Urls;
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
    private final ConnectionChoice<SseConnection> connection;
    private final Map<String, String> headers;
    private final String lastEventId;
    private final BodyCodec codec;
    private final AsyncBatchHandler<SseMessage> handler;

    private SseRoute(Builder b, AsyncBatchHandler<SseMessage> handler) {
        this.name = b.name();
        this.sources = List.copyOf(b.sources);
        this.options = b.options();
        this.connection = b.connection();
        this.headers = Map.copyOf(b.headers);
        this.lastEventId = b.lastEventId;
        this.codec = b.codec;
        this.handler = handler;
    }

    /**
     * Starts a route over streams: each an absolute {@code http(s)} URL, or a path appended to the
     * connection's base URL.
     *
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

    /** The batching and outcome options. */
    public BatchOptions options() {
        return options;
    }

    /** The connection chosen by name or as an object, or none (the only SSE connection, else the defaults). */
    public ConnectionChoice<SseConnection> connection() {
        return connection;
    }

    /** Headers this route adds to (or overrides on) the connection's. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code Last-Event-ID} the first request of each stream sends, if any. */
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    /** Decodes {@link SseMessage#body(Class)}. */
    public BodyCodec codec() {
        return codec;
    }

    /**
     * The type every event's data must decode into, if declared; an event that does not is
     * rejected before the handler sees it.
     */
    public Optional<Class<?>> bodyType() {
        return options.bodyType();
    }

    /** The handler. */
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
        return out;
    }

    @Override
    public String toString() {
        return "SseRoute[" + name + " " + sources + " " + options + "]";
    }

    /**
     * Configures an {@link SseRoute}: the batch options of every batched route
     * ({@link BatchRouteBuilder}) and the stream's own. With {@code onException(REQUEUE)} (the
     * default) the stream reconnects and resumes from the last finished event; with {@code REJECT}
     * the failed events are dropped and the stream goes on. Each setter validates its argument at
     * once and throws {@link IllegalArgumentException} naming the option; {@code handler(...)}
     * builds the route. Not thread-safe.
     */
    public static final class Builder extends BatchRouteBuilder<Builder, SseMessage, SseConnection, SseRoute> {
        private final List<String> sources;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String lastEventId;
        private BodyCodec codec = JacksonCodec.json();

        private Builder(List<String> sources) {
            super("sse:" + String.join(",", sources));
            this.sources = sources;
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

        /** A header for this route's requests; overrides the connection's header of the same name. */
        public Builder header(String name, String value) {
            Urls.requireHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /** The {@code Last-Event-ID} sent with each stream's first request, e.g. a stored checkpoint. */
        public Builder lastEventId(String id) {
            Objects.requireNonNull(id, "lastEventId");
            if (id.indexOf('\0') >= 0 || id.indexOf('\r') >= 0 || id.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("lastEventId must not contain NUL, CR or LF");
            }
            this.lastEventId = id;
            return this;
        }

        /** Decodes {@link SseMessage#body(Class)}; default JSON through Jackson. */
        public Builder codec(BodyCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }
    }
}
