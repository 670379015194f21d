package io.asyncworker.sse.internal;

import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a stream's lost connections: one WARN per stream per {@link #WINDOW}, saying how many it
 * held back since the previous one; those go to DEBUG. Logs as {@link SseStream}.
 *
 * <p>Confined to the stream's Vert.x context.
 */
final class LossLog {
    /** One warning per stream per 10 s. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final String route;
    private final String url;
    private final LogLimiter limiter;

    LossLog(TimerService timer, String route, String url) {
        this.route = route;
        this.url = url;
        this.limiter = LogLimiter.every(WINDOW, timer);
    }

    /** A connection or attempt was lost; the next one follows after {@code delay}. */
    void lost(String reason, Duration delay) {
        OptionalLong heldBack = limiter.tryAcquire();
        if (heldBack.isEmpty()) {
            LOG.debug("route '{}': stream {}: {}; reconnecting in {} ms", route, url, reason, delay.toMillis());
        } else {
            long held = heldBack.getAsLong();
            LOG.warn("route '{}': stream {}: {}; reconnecting in {} ms{}", route, url, reason, delay.toMillis(),
                    held == 0 ? "" : " (" + held + " more losses of this stream since the last warning,"
                            + " logged at DEBUG)");
        }
    }

    /** The application restarted the stream. */
    void restarted(String reason) {
        LOG.info("route '{}': stream {}: {}; reconnecting now", route, url, reason);
    }
}
