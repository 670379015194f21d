package io.asyncworker;

import java.util.Optional;

/**
 * The per-message decision API that every backend's message type shares.
 *
 * <p>Inside a batch handler, a message may be settled explicitly; otherwise the route's
 * {@code onSuccess} or {@code onException} action applies once the handler is done. The last
 * call wins. Nothing is sent to the broker before the handler finished: these calls only record
 * the decision.
 *
 * <p>Thread-safety: the methods may be called from any thread, typically the handler's virtual
 * thread. Calling {@code accept()} or {@code reject()} after the batch was settled throws
 * {@link IllegalStateException}.
 *
 * <pre>{@code
 * for (var m : batch) {
 *     if (!valid(m)) m.reject(false);   // dropped or dead-lettered, whatever the batch does
 *     else if (busy(m)) m.retry();      // later, by the route's RetryPolicy
 * }
 * }</pre>
 */
public interface Message {

    /** Marks this message as processed: it will be acknowledged. */
    void accept();

    /**
     * Marks this message as rejected.
     *
     * @param requeue {@code true} to deliver it again, {@code false} to drop or dead-letter it
     */
    void reject(boolean requeue);

    /**
     * Retries this message later by the route's {@link RetryPolicy}: after the policy's delay while
     * attempts remain, else it is parked. Works whether or not the handler throws.
     *
     * @throws IllegalStateException when the route has no retry policy, or the batch was settled
     */
    void retry();

    /**
     * Parks this message at once, without a retry: for a person to look at (RabbitMQ: the route's
     * parking-lot queue, with the reason in its headers; SSE: logged and counted, then skipped).
     *
     * @param reason why, in a few words; kept up to 512 characters
     * @throws IllegalStateException when the route has no retry policy, or the batch was settled
     */
    void park(String reason);

    /**
     * {@return the explicit decision made for this message so far, if any} A {@link #retry()}
     * reads as {@code REQUEUE}, a {@link #park(String)} as {@code REJECT}: the plain action each
     * falls back to.
     */
    Optional<Action> decision();
}
