package io.asyncworker;

/**
 * What happens to a message once its batch is done.
 *
 * <p>Route defaults are {@code onSuccess(ACK)} and {@code onException(REQUEUE)}; a handler can
 * override the action per message with {@link Message#accept()} and {@link Message#reject(boolean)}.
 */
public enum Action {
    /** Processed: remove it from its source. */
    ACK,
    /** Drop it, or dead-letter it when the queue has a dead-letter exchange. */
    REJECT,
    /** Put it back so it is delivered again. */
    REQUEUE
}
