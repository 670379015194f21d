package io.asyncworker.http.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * The read deadlines of one HTTP/1 connection, as a pure function of what the connection did and
 * when (times in {@code TimerService.nanoTime()} nanoseconds). A request's head must be complete
 * within the header timeout of its first byte (or of connecting), the whole request within the
 * request timeout of its first byte, and a connection with no request in progress is closed after
 * the idle timeout. While a handler runs there is no deadline: that time belongs to the app.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop only.
 */
final class ReadDeadlines {
    /** What the connection is waiting for; names the timeout when a deadline passes. */
    enum Phase {
        /** The rest of a request head. */
        HEAD("header_timeout"),
        /** The rest of a request body. */
        BODY("request_timeout"),
        /** A handler's answer: no deadline. */
        BUSY(""),
        /** The next request. */
        IDLE("idle_timeout");

        private final String reason;

        Phase(String reason) {
            this.reason = reason;
        }

        /** The tag value of the connection-closed counter. */
        String reason() {
            return reason;
        }
    }

    private static final long NONE = Long.MAX_VALUE;

    private final long headNanos;
    private final long requestNanos;
    private final long idleNanos;
    private Phase phase;
    private long started;
    private long deadline;
    private long requestsBegun;
    private long responsesEnded;

    /** A connection accepted at {@code now}: its first request head is due from now. */
    ReadDeadlines(Duration header, Duration request, Duration idle, long now) {
        this.headNanos = Math.min(header.toNanos(), request.toNanos());
        this.requestNanos = request.toNanos();
        this.idleNanos = idle.toNanos();
        startHead(now);
    }

    /** Bytes arrived: when nothing was in progress they start a new request head. */
    void bytesRead(long now) {
        if (awaitingRequest()) {
            startHead(now);
        }
    }

    /** Whether bytes arriving now would start a new request head (no request is being read). */
    boolean awaitingRequest() {
        return phase == Phase.IDLE || phase == Phase.BUSY;
    }

    /** A request head was decoded; the rest of the request is due within the request timeout. */
    void headRead(long now) {
        if (phase != Phase.HEAD) { // its first bytes came with the end of the previous request
            started = now;
        }
        requestsBegun++;
        phase = Phase.BODY;
        deadline = started + requestNanos;
    }

    /** The request was read to its end: the handler's time, unless it was already answered. */
    void requestRead(long now) {
        phase = Phase.BUSY;
        deadline = NONE;
        settle(now);
    }

    /** A response was written to its end (1xx interim answers do not count). */
    void responseEnded(long now) {
        responsesEnded++;
        settle(now);
    }

    private void settle(long now) {
        if (phase == Phase.BUSY && responsesEnded >= requestsBegun) {
            phase = Phase.IDLE;
            deadline = now + idleNanos;
        }
    }

    private void startHead(long now) {
        phase = Phase.HEAD;
        started = now;
        deadline = now + headNanos;
    }

    /** The phase whose deadline has passed at {@code now}, if any: the connection must close. */
    Optional<Phase> expired(long now) {
        return deadline != NONE && now - deadline >= 0 ? Optional.of(phase) : Optional.empty();
    }

    /**
     * When to look again: at the deadline, but never later than {@code period} from now, so that a
     * deadline set later (never sooner than {@code period} ahead) is still met on time.
     */
    long nextCheckIn(long now, long period) {
        return deadline == NONE ? period : Math.max(0, Math.min(period, deadline - now));
    }

    /** The shortest timeout: the period of the checks. */
    long shortestNanos() {
        return Math.min(headNanos, Math.min(requestNanos, idleNanos));
    }

    Phase phase() {
        return phase;
    }
}
