package io.asyncworker.sse.internal;

/**
 * Why a stream's connection or connection attempt ended, and what that means for the listener
 * and the backoff.
 */
enum Loss {
    /** The attempt failed, the connection was lost or fell silent: an error for the listener. */
    FAILED(true, true),
    /** The server closed the stream cleanly. */
    ENDED(false, true),
    /** The server sent an oversized line or event; it will send it again, so no success. */
    OVERSIZED(true, false),
    /** A batch was requeued: reopen from the last finished event. */
    REQUEUED(false, true),
    /** The application asked for a restart: reconnect at once, without a backoff delay. */
    RESTARTED(false, true);

    private final boolean error;
    private final boolean mayReset;

    Loss(boolean error, boolean mayReset) {
        this.error = error;
        this.mayReset = mayReset;
    }

    /** Whether the listener hears {@code onError}. */
    boolean error() {
        return error;
    }

    /** Whether the connection may count as a success for the backoff, see {@link Reconnects}. */
    boolean mayReset() {
        return mayReset;
    }
}
