package io.asyncworker.sse.internal;

/**
 * A stream sent a line or an event larger than its maximum event size: the connection must be
 * dropped. Thrown by {@link EventStreamParser#feed} on the reading thread; carries no stack trace,
 * since a hostile server decides how often it happens.
 */
final class OversizedInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OversizedInputException(String message) {
        super(message, null, false, false);
    }
}
