package io.asyncworker.http.internal;

import io.asyncworker.http.HttpSettings;
import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards every connection of the app's servers from the moment it is accepted: closes it at once
 * beyond the connection limit, else puts the {@link GuardedRequestDecoder} and the
 * {@link ReadTimeouts} into its pipeline. Counts open connections
 * ({@value #OPEN}) and connections closed by a limit ({@value #CLOSED}{reason}); the logs about
 * them are rate-limited. Thread-safe: {@link #accept} runs on each connection's event loop.
 */
final class ConnectionGuard {
    static final String OPEN = "asyncworker.http.server.connections";
    static final String CLOSED = "asyncworker.http.server.connections.closed";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final ServerLimits limits;
    private final HttpServerOptions options;
    private final TimerService timer;
    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();
    private final LogLimiter refusals;
    private final LogLimiter unguarded;

    ConnectionGuard(ServerLimits limits, HttpServerOptions options, TimerService timer, MeterRegistry registry) {
        this.limits = limits;
        this.options = options;
        this.timer = timer;
        this.registry = registry;
        this.refusals = LogLimiter.every(LOG_INTERVAL, timer);
        this.unguarded = LogLimiter.every(LOG_INTERVAL, timer);
        Gauge.builder(OPEN, open, AtomicInteger::get).description("open HTTP connections").register(registry);
    }

    /** For {@code HttpServer.connectionHandler}: a connection just accepted, before it read anything. */
    void accept(HttpConnection connection) {
        if (!(connection instanceof io.vertx.core.http.impl.HttpServerConnection internal)) {
            failClosed(connection, "it is not a Vert.x HTTP/1 server connection");
            return;
        }
        ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
        Channel channel = pipeline.channel();
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            refuse(channel);
            return;
        }
        channel.closeFuture().addListener(f -> open.decrementAndGet());
        try {
            pipeline.replace(ReadTimeouts.DECODER, ReadTimeouts.DECODER, new GuardedRequestDecoder(options));
            ReadTimeouts.install(pipeline, limits, timer, phase -> expired(channel, phase));
        } catch (RuntimeException e) {
            failClosed(connection, e.toString());
        }
    }

    private void refuse(Channel channel) {
        closed("limit");
        refusals.tryAcquire().ifPresent(held -> LOG.warn("HTTP connection limit of {} reached ({}): closed {} new "
                + "connection(s), the last from {}", limits.maxConnections(), HttpSettings.MAX_CONNECTIONS, held + 1,
                channel.remoteAddress()));
        channel.close();
    }

    private void expired(Channel channel, ReadDeadlines.Phase phase) {
        closed(phase.reason());
        LOG.debug("HTTP connection from {} closed: {} while waiting for {}", channel.remoteAddress(), phase.reason(),
                phase == ReadDeadlines.Phase.IDLE ? "the next request" : "the rest of a request");
    }

    /** Serving without the framing and timeout guards would be unsafe: such a connection is closed. */
    private void failClosed(HttpConnection connection, String why) {
        unguarded.tryAcquire().ifPresent(held -> LOG.error("cannot guard an HTTP connection ({}); closing it. Is the "
                + "Vert.x version the one asyncworker was built with?{}", why, LogLimiter.heldBack(held)));
        connection.close();
    }

    private void closed(String reason) {
        Counter.builder(CLOSED).description("HTTP connections closed by a limit or timeout, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** How many connections are open now. */
    int open() {
        return open.get();
    }
}
