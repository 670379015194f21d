package io.asyncworker.sse;

import io.asyncworker.Connection;
import io.asyncworker.RouteType;
import io.asyncworker.spi.Checks;
import io.asyncworker.sse.internal.Urls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named SSE server: base URL for relative stream paths, headers and credentials sent with every
 * stream request, timeouts and reconnect backoff bounds.
 *
 * <pre>{@code
 * app.connection(SseConnection.builder()
 *         .name("feed")
 *         .baseUrl("https://feed.example/api")
 *         .bearerToken(System.getenv("FEED_TOKEN"))
 *         .readIdleTimeout(Duration.ofSeconds(45))
 *         .build());
 * app.route(SseRoute.consume("/stream").handler(events -> ...));   // https://feed.example/api/stream
 * }</pre>
 *
 * <p>An immutable value, safe to share between threads. Routes with absolute URLs need no
 * connection: without one they use {@link #defaults()}.
 */
public final class SseConnection implements Connection {
    /** The name of a connection built without {@link Builder#name(String)}. */
    public static final String DEFAULT_NAME = "default";

    private final String name;
    private final String baseUrl;
    private final Map<String, String> headers;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration readIdleTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private SseConnection(Builder b) {
        this.name = b.name;
        this.baseUrl = b.baseUrl;
        this.headers = Map.copyOf(b.headers);
        this.authorization = b.authorization;
        this.connectTimeout = b.connectTimeout;
        this.readIdleTimeout = b.readIdleTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
    }

    /** {@return a builder with every option at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a connection named {@value #DEFAULT_NAME} with the given base URL and defaults otherwise}
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL
     */
    public static SseConnection to(String baseUrl) {
        return builder().baseUrl(baseUrl).build();
    }

    /** {@return the connection routes with absolute URLs use when none is registered: no base URL, defaults} */
    public static SseConnection defaults() {
        return builder().build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RouteType type() {
        return RouteType.SSE;
    }

    /** {@return the URL relative stream paths are appended to} */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /**
     * Headers sent with every stream request, without the {@code Authorization} header.
     *
     * @return the headers, unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** {@return the {@code Authorization} header value from basic auth or a bearer token, if any} */
    public Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** {@return how long opening a TCP connection may take; default 10 s} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return how long a stream may send no byte before it is closed and reopened; default 5 min} */
    public Duration readIdleTimeout() {
        return readIdleTimeout;
    }

    /**
     * {@return the first reconnect delay, doubled on each failure; default 1 s} A server's {@code retry:} replaces it.
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return the largest reconnect delay; default 30 s} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        return "SseConnection[name=" + name + ", baseUrl=" + baseUrl + ", headers=" + headers.keySet()
                + ", auth=" + (authorization == null ? "none" : authorization.substring(0, authorization.indexOf(' ')))
                + ", readIdleTimeout=" + readIdleTimeout + "]";
    }

    /**
     * Builds an {@link SseConnection}; each setter validates its argument at once and throws
     * {@link IllegalArgumentException} naming the option. Not thread-safe.
     */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String baseUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String authorization;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readIdleTimeout = Duration.ofMinutes(5);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * The name routes refer to; default {@value #DEFAULT_NAME}.
         *
         * @param name the name routes refer to; default {@value #DEFAULT_NAME}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Checks.notBlank("name", name);
            return this;
        }

        /**
         * An absolute {@code http} or {@code https} URL that relative stream paths are appended to.
         *
         * @param baseUrl an absolute {@code http} or {@code https} URL that relative stream paths are appended to
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Urls.requireAbsolute("baseUrl", Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        /**
         * A header sent with every stream request; a later call with the same name replaces it.
         *
         * @param name the header name, in any case
         * @param value the header's value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Urls.requireHeader(name, value);
            if (name.equalsIgnoreCase("Authorization")) {
                this.authorization = value;
            } else {
                headers.put(name, value);
            }
            return this;
        }

        /**
         * Sends {@code Authorization: Basic ...}; replaces a bearer token.
         *
         * @param username the user name
         * @param password the password; never printed
         * @return this builder
         */
        public Builder basicAuth(String username, String password) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("basicAuth username must not contain ':'");
            }
            String pair = username + ":" + password;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /**
         * Sends {@code Authorization: Bearer <token>}; replaces basic auth.
         *
         * @param token the bearer token; never printed
         * @return this builder
         */
        public Builder bearerToken(String token) {
            this.authorization = "Bearer " + Checks.notBlank("bearerToken", token);
            return this;
        }

        /**
         * How long opening a TCP connection may take; positive.
         *
         * @param timeout how long opening a TCP connection may take; positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * A stream silent for this long (not even a comment) is closed and reopened; positive.
         *
         * @param timeout a stream silent for this long (not even a comment) is closed and reopened; positive
         * @return this builder
         */
        public Builder readIdleTimeout(Duration timeout) {
            this.readIdleTimeout = positive("readIdleTimeout", timeout);
            return this;
        }

        /**
         * The reconnect delay bounds: the first delay, doubled per failed attempt up to the maximum,
         * each with up to 20 % jitter below it.
         *
         * @param initial the first delay
         * @param max the largest delay
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration max) {
            positive("backoff initial", initial);
            positive("backoff max", max);
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff max must be at least initial, got " + max + " < " + initial);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Copies the options into an immutable connection.
         *
         * @return this builder
         */
        public SseConnection build() {
            return new SseConnection(this);
        }

        private static Duration positive(String option, Duration value) {
            return Checks.positive(option, value);
        }
    }
}
