package io.asyncworker.sse.internal;

import io.asyncworker.spi.Backoff;
import io.asyncworker.spi.TimerService;
import java.time.Duration;

/**
 * When a stream reconnects after a loss: the {@link Backoff} of the connection, honouring the
 * server's {@code retry:}, where a connection counts as a success (and the backoff starts over)
 * only if it delivered an event <em>and</em> stayed open at least {@link #STABLE_AFTER}. A server
 * that accepts, sends an event and closes at once therefore meets a growing delay, even with
 * {@code retry: 0}.
 *
 * <p>Confined to the stream's Vert.x context; time comes from the injected {@link TimerService}.
 */
final class Reconnects {
    /** How long a connection must stay open for its end to count as normal, not as a failure. */
    static final Duration STABLE_AFTER = Duration.ofSeconds(1);

    private final TimerService timer;
    private Backoff backoff;
    private Duration serverRetry;
    private long openedAt;
    private boolean open;
    private boolean delivered;

    Reconnects(Backoff initial, TimerService timer) {
        this.backoff = initial;
        this.timer = timer;
    }

    /** A connection opened. */
    void opened() {
        open = true;
        delivered = false;
        openedAt = timer.nanoTime();
    }

    /** The open connection delivered an event. */
    void delivered() {
        delivered = true;
    }

    /** The server set its reconnection time. */
    void retry(Duration retry) {
        serverRetry = retry;
        backoff = backoff.withFirst(retry);
    }

    /** The reconnection time the server last set on this stream, null when it set none. */
    Duration serverRetry() {
        return serverRetry;
    }

    /** The application closes the connection to reconnect at once: no loss, the backoff stays as it is. */
    void restarted() {
        open = false;
        delivered = false;
    }

    /**
     * The delay before the next attempt after a loss, and the policy moved on.
     *
     * @param mayReset false when the loss will repeat whatever the connection did before it (an
     *                 oversized event comes again), so it never counts as a success
     * @param random   a uniform value in {@code [0, 1)} for the jitter
     */
    Duration afterLoss(boolean mayReset, double random) {
        boolean stable = open && delivered && timer.nanoTime() - openedAt >= STABLE_AFTER.toNanos();
        open = false;
        delivered = false;
        if (stable && mayReset) {
            backoff = backoff.reset();
        }
        Duration delay = backoff.delay(random);
        backoff = backoff.next();
        return delay;
    }
}
